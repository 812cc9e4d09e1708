package dev.nsg.dhpush.registry;

import java.io.Closeable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The Docker token protocol's GET on the realm named by the registry's Bearer challenge. */
public interface TokenApi extends Closeable {

    @GET
    Response token(@QueryParam("service") String service, @QueryParam("scope") String scope,
            @HeaderParam("Authorization") String authorization);
}
