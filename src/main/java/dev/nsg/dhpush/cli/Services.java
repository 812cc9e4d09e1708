package dev.nsg.dhpush.cli;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.app.ImageSignatures;
import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.app.VerifyTags;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.engine.EngineFactory;

/**
 * What the commands need from the application: the use cases, the credential lookup, the engine connection, and the
 * environment, read once.
 */
// @Singleton, not @ApplicationScoped: the commands read the fields directly, which a client proxy would leave null.
@Singleton
class Services {

    final PublishImage publish;
    final CredentialResolver credentials;
    final EngineFactory engines;
    final VerifyTags verify;
    final Environment environment;
    final ImageSignatures signatures;
    final ObjectMapper json;

    Services(PublishImage publish, CredentialResolver credentials, EngineFactory engines, VerifyTags verify,
            ImageSignatures signatures, ObjectMapper json) {
        this.publish = publish;
        this.credentials = credentials;
        this.engines = engines;
        this.verify = verify;
        this.signatures = signatures;
        this.json = json;
        this.environment = Environment.current();
    }
}
