package dev.nsg.dhpush.registry;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The three registry v2 calls dhpush makes (distribution spec: "end-1", "end-3" HEAD, "end-8a/b"). */
@Path("/v2")
public interface RegistryApi {

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
}
