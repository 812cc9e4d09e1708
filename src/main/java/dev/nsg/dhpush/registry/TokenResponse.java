package dev.nsg.dhpush.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The token endpoint's answer; either field name carries the token (Docker token spec). Never logged. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenResponse(String token, @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Integer expiresIn) {

    String bearer() {
        return token != null && !token.isEmpty() ? token : accessToken;
    }

    @Override
    public String toString() {
        return "TokenResponse[<redacted>, expiresIn=" + expiresIn + "]";
    }
}
