package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.app.ChosenRepository;
import dev.nsg.dhpush.app.ChosenRepository.Origin;
import dev.nsg.dhpush.failure.CredentialSource;

/** Where credentials and the repository came from, in the words (options, variables, files) the user knows. */
final class Provenance {

    private Provenance() {
    }

    static String of(CredentialSource source) {
        if (source == null) {
            return "no credentials";
        }
        return switch (source.kind()) {
            case STDIN -> "--password-stdin";
            case ENVIRONMENT -> Environment.USER + "/" + Environment.KEY;
            case CONFIG_FILE -> "the auths entry of " + source.file();
            case CREDENTIAL_HELPER -> "docker-credential-" + source.helper() + " (credHelpers in " + source.file() + ")";
            case CREDENTIAL_STORE -> "docker-credential-" + source.helper() + " (credsStore in " + source.file() + ")";
        };
    }

    /** "--repository", or "name: the Dockerfile's … label; namespace: dhpush.properties". */
    static String of(ChosenRepository chosen) {
        if (chosen.name() == Origin.GIVEN) {
            return "--repository";
        }
        String name = "name from the " + "org.opencontainers.image.title label of " + chosen.dockerfile();
        return name + switch (chosen.namespace()) {
            case PROJECT_SETTINGS -> ", namespace from " + chosen.settings();
            case REGISTRY_USER -> ", namespace from " + Environment.USER;
            default -> ", no namespace";
        };
    }
}
