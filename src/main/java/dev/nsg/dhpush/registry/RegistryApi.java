package dev.nsg.dhpush.registry;

import java.io.Closeable;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The registry v2 calls dhpush makes (distribution spec: "end-1", "end-2" and "end-3" blobs and manifests, "end-4a" POST,
 * "end-7" manifest PUT, "end-8a/b"); closing
 * the client releases its connections.
 */
@Path("/v2")
public interface RegistryApi extends Closeable {

    /** The API root: 200, or 401 with the WWW-Authenticate challenge that says how to authenticate. */
    @GET
    @Path("/")
    Response ping(@HeaderParam("Authorization") String authorization);

    /** Manifest metadata without the body: a HEAD is not counted as a pull by Docker Hub's rate limit. */
    @HEAD
    @Path("/{name}/manifests/{reference}")
    Response headManifest(@Encoded @PathParam("name") String name, @PathParam("reference") String reference,
            @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{name}/tags/list")
    Response tags(@Encoded @PathParam("name") String name, @QueryParam("n") Integer pageSize, @QueryParam("last") String last,
            @HeaderParam("Authorization") String authorization);

    /** Opens a blob upload session: 202 with its Location proves push access; nothing is stored until a PUT. */
    @POST
    @Path("/{name}/blobs/uploads/")
    Response startUpload(@Encoded @PathParam("name") String name, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{name}/manifests/{reference}")
    Response getManifest(@Encoded @PathParam("name") String name, @PathParam("reference") String reference,
            @HeaderParam("Accept") String accept, @HeaderParam("Authorization") String authorization);

    @PUT
    @Path("/{name}/manifests/{reference}")
    Response putManifest(@Encoded @PathParam("name") String name, @PathParam("reference") String reference,
            @HeaderParam("Content-Type") String mediaType, @HeaderParam("Authorization") String authorization, byte[] manifest);

    @HEAD
    @Path("/{name}/blobs/{digest}")
    Response headBlob(@Encoded @PathParam("name") String name, @PathParam("digest") String digest,
            @HeaderParam("Authorization") String authorization);

    /** Docker Hub answers with a redirect to its storage: this client must not follow it with the Authorization. */
    @GET
    @Path("/{name}/blobs/{digest}")
    Response getBlob(@Encoded @PathParam("name") String name, @PathParam("digest") String digest,
            @HeaderParam("Authorization") String authorization);
}
