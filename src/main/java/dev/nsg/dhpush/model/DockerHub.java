package dev.nsg.dhpush.model;

import java.util.Set;

/**
 * Docker Hub's names, as the docker CLI spells them (docker/cli registry package and distribution/reference).
 * This is the only place that knows them: every other class asks {@link ImageReference}.
 */
public final class DockerHub {

    /** The canonical registry name in references ({@code docker.io/library/alpine}). */
    public static final String REGISTRY = "docker.io";
    /** Where the registry v2 API of Docker Hub is served. */
    public static final String API_HOST = "registry-1.docker.io";
    /** The key Docker Hub credentials are stored under in config.json and in X-Registry-Config. */
    public static final String AUTH_CONFIG_KEY = "https://index.docker.io/v1/";
    /** go-containerregistry's name for Docker Hub, which cosign writes into the signatures it makes. */
    public static final String INDEX = "index.docker.io";
    /** Single-name repositories live in this namespace ({@code alpine} is {@code library/alpine}). */
    public static final String OFFICIAL_NAMESPACE = "library";

    /** distribution/reference normalises exactly these two; any other host is a registry of its own. */
    private static final Set<String> ALIASES = Set.of(REGISTRY, INDEX);

    private DockerHub() {
    }

    public static boolean isDockerHub(String registry) {
        return ALIASES.contains(registry);
    }

    /**
     * Whether an image name as a FROM line writes it ({@code python:3.12}, {@code team/app}, {@code host:5000/app})
     * is pulled from Docker Hub: its first component names no registry ({@link ImageReference}'s rule), or names one of
     * Docker Hub's aliases.
     */
    public static boolean pullsFrom(String imageName) {
        int slash = imageName.indexOf('/');
        if (slash < 0) {
            return true;
        }
        String first = imageName.substring(0, slash);
        return isDockerHub(first) || !ImageReference.namesARegistry(first);
    }
}
