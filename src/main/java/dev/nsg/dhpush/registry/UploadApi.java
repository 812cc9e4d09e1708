package dev.nsg.dhpush.registry;

import java.io.Closeable;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;

import io.quarkus.rest.client.reactive.Url;

/**
 * A URL the registry handed out: an upload session's Location (distribution spec "end-6": finish with the digest and
 * the whole blob, 201; "end-12": cancel, 204), or where a blob was redirected to.
 */
public interface UploadApi extends Closeable {

    @DELETE
    Response cancel(@Url String location, @HeaderParam("Authorization") String authorization);

    @PUT
    Response finish(@Url String locationWithDigest, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization, byte[] blob);

    /** A redirected blob download: no Authorization, which belongs to the registry and not to its storage. */
    @GET
    Response download(@Url String location);
}
