package dev.nsg.dhpush.registry;

import java.io.Closeable;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The Docker token protocol on the realm named by the registry's Bearer challenge: the GET form and the OAuth2 POST. */
public interface TokenApi extends Closeable {

    @GET
    Response token(@QueryParam("service") String service, @QueryParam("scope") String scope,
            @HeaderParam("Authorization") String authorization);

    /** The OAuth2 refresh-token grant: an identity token exchanged for a bearer token of the scope. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response refresh(@FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken,
            @FormParam("service") String service, @FormParam("scope") String scope, @FormParam("client_id") String clientId);
}
