package dev.nsg.dhpush.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of the engine's JSON-lines progress stream (moby's jsonmessage.JSONMessage). Failures arrive here,
 * inside an HTTP 200 stream, as {@code error} / {@code errorDetail}: every line is read and checked.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record JsonMessage(String stream, String status, String id, String progress, ProgressDetail progressDetail,
        String error, ErrorDetail errorDetail, JsonNode aux) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgressDetail(Long current, Long total) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorDetail(Integer code, String message) {
    }

    boolean isError() {
        return error != null || (errorDetail != null && errorDetail.message() != null);
    }

    String errorMessage() {
        if (errorDetail != null && errorDetail.message() != null && !errorDetail.message().isBlank()) {
            return errorDetail.message();
        }
        return error;
    }
}
