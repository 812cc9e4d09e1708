package dev.nsg.dhpush.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * A repository on a registry, normalised the way the docker CLI does it (distribution/reference):
 * no registry means Docker Hub, Docker Hub's aliases become {@code docker.io}, and a single-name repository
 * on Docker Hub lives under {@code library/}.
 *
 * @param registry the registry as written in image names: {@code docker.io}, {@code localhost:5000}
 * @param path the repository path on that registry: {@code team/app}
 */
public record ImageReference(String registry, String path) {

    // distribution/reference: path components are lowercase alphanumerics joined by separators.
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?"
                    + "|\\[[0-9a-fA-F:.]+\\](?::[0-9]+)?");
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * Parses {@code --repository} against {@code --registry}: a repository that starts with a host (a first component
     * with a '.' or ':', or {@code localhost}) names its own registry, as in {@code docker push}.
     */
    public static ImageReference parse(String registry, String repository) {
        if (repository == null || repository.isBlank()) {
            throw new InvalidInputException(Problem.REPOSITORY, "", "invalid repository: the name is empty");
        }
        String name = repository.trim();
        String domain = registry == null || registry.isBlank() ? DockerHub.REGISTRY : registry.trim();
        int slash = name.indexOf('/');
        if (slash > 0 && namesARegistry(name.substring(0, slash))) {
            domain = name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        if (name.contains("@") || name.lastIndexOf(':') > name.lastIndexOf('/')) {
            throw new InvalidInputException(Problem.REPOSITORY, repository,
                    "invalid repository \"" + repository + "\": it carries a tag or digest");
        }
        if (domain.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new InvalidInputException(Problem.REGISTRY, domain,
                    "invalid registry \"" + domain + "\": a URL, where a host name with an optional :port is asked for");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidInputException(Problem.REGISTRY, domain,
                    "invalid registry \"" + domain + "\": not a host name with an optional :port");
        }
        int colon = domain.lastIndexOf(':');
        if (colon > domain.lastIndexOf(']')
                && (domain.length() - colon > 6 || Integer.parseInt(domain.substring(colon + 1)) > 65535 || Integer.parseInt(domain.substring(colon + 1)) == 0)) {
            throw new InvalidInputException(Problem.REGISTRY, domain,
                    "invalid registry \"" + domain + "\": the port must be 1 to 65535");
        }
        if (DockerHub.isDockerHub(domain)) {
            domain = DockerHub.REGISTRY;
            if (!name.contains("/")) {
                name = DockerHub.OFFICIAL_NAMESPACE + "/" + name;
            }
        }
        for (String component : name.split("/", -1)) {
            checkComponent(repository, component);
        }
        if (domain.length() + 1 + name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(Problem.REPOSITORY, repository, "invalid repository \"" + repository
                    + "\": the full name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(domain, name);
    }

    /**
     * Whether a name's first component is a registry host, as distribution/reference decides: it has a '.' or a ':',
     * or is localhost. (docker also takes an uppercase first component for a host, "User/app" being host "User"; that
     * is nearly always a typo, so here it fails the lowercase rule instead.)
     */
    static boolean namesARegistry(String firstComponent) {
        return firstComponent.contains(".") || firstComponent.contains(":") || firstComponent.equals("localhost");
    }

    private static void checkComponent(String repository, String component) {
        if (component.isEmpty()) {
            throw new InvalidInputException(Problem.REPOSITORY, repository,
                    "invalid repository \"" + repository + "\": it has an empty path component (a doubled or trailing '/')");
        }
        if (!component.equals(component.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(Problem.REPOSITORY, repository, "invalid repository \"" + repository + "\": \""
                    + component + "\" has uppercase letters (repository names are lowercase)");
        }
        if (!COMPONENT.matcher(component).matches()) {
            throw new InvalidInputException(Problem.REPOSITORY, repository, "invalid repository \"" + repository + "\": \""
                    + component + "\" breaks the naming rule (lowercase letters and digits, joined by '.', '_', '__' or '-')");
        }
    }

    /**
     * A full image reference as docker takes it ({@code host:5000/team/app:1.0}) split into registry, repository and
     * tag, or empty when the text is not one. Used to tell a user who wrote a whole reference where a tag belongs.
     *
     * @param registry the host, or null when the reference names none (Docker Hub)
     * @param tag the tag, or null
     */
    public record Parts(String registry, String repository, String tag) {
    }

    public static Optional<Parts> split(String reference) {
        if (reference == null || reference.isBlank() || reference.contains("@")) {
            return Optional.empty();
        }
        String name = reference.strip();
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        String registry = null;
        int slash = name.indexOf('/');
        if (slash > 0 && namesARegistry(name.substring(0, slash))) {
            registry = name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        for (String component : name.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return Optional.empty();
            }
        }
        if (registry != null && !DOMAIN.matcher(registry).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parts(registry, name, tag == null || tag.isEmpty() ? null : tag));
    }

    public boolean isDockerHub() {
        return DockerHub.REGISTRY.equals(registry);
    }

    /** The name the engine knows the image by: {@code localhost:5000/app}, or {@code user/app} on Docker Hub. */
    public String engineName() {
        return isDockerHub() ? path : registry + "/" + path;
    }

    /** Fully qualified, as in {@code docker.io/user/app}. */
    public String fullName() {
        return registry + "/" + path;
    }

    /**
     * The repository as cosign names it in a signature's {@code docker-reference}: go-containerregistry's spelling,
     * {@code index.docker.io/user/app} for Docker Hub, else the same as {@link #fullName()}.
     */
    public String signedName() {
        return (isDockerHub() ? DockerHub.INDEX : registry) + "/" + path;
    }

    public String withTag(Tag tag) {
        return engineName() + ":" + tag;
    }

    /** Where to send registry v2 API calls: Docker Hub's API host for docker.io, else the registry itself. */
    public String apiHost() {
        return isDockerHub() ? DockerHub.API_HOST : registry;
    }

    /** The key under which config.json and X-Registry-Config file this registry's credentials. */
    public String authConfigKey() {
        return isDockerHub() ? DockerHub.AUTH_CONFIG_KEY : registry;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
