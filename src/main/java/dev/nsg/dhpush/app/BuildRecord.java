package dev.nsg.dhpush.app;

import java.time.Instant;
import java.util.List;

import dev.nsg.dhpush.signing.BuildProvenance;

/**
 * What a publish knows about the build it pushes, kept for the provenance: the plan, the builder that ran, the base
 * images as the engine resolved them, and when the run started.
 */
record BuildRecord(PublishPlan plan, ChosenBuilder builder, String engine, List<BuildProvenance.Dependency> baseImages, Instant started) {
}
