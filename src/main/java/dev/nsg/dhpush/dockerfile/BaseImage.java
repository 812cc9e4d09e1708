package dev.nsg.dhpush.dockerfile;

/**
 * An image a Dockerfile's FROM line pulls, as the build would name it.
 *
 * @param name the reference with build args substituted, or the FROM text as written when an arg has no value
 * @param resolved whether every {@code $ARG} in it had a value
 * @param present whether the engine already holds it (false when unknown)
 */
public record BaseImage(String name, boolean resolved, boolean present) {
}
