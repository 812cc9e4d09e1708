package dev.nsg.dhpush.registry;

import java.io.Closeable;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.rest.client.reactive.Url;

/** An upload session, addressed by the Location the registry gave it (distribution spec "end-12": cancel, 204). */
public interface UploadApi extends Closeable {

    @DELETE
    Response cancel(@Url String location, @HeaderParam("Authorization") String authorization);
}
