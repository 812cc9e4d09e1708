package dev.nsg.dhpush.registry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of {@code GET /v2/<name>/tags/list}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record TagList(String name, List<String> tags) {
}
