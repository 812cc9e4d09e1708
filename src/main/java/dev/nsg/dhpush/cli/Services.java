package dev.nsg.dhpush.cli;

import jakarta.inject.Singleton;

import dev.nsg.dhpush.app.PublishImage;
import dev.nsg.dhpush.auth.CredentialResolver;
import dev.nsg.dhpush.engine.EngineFactory;

/** What every command needs from the application: the use case, the credential lookup, the engine connection. */
// @Singleton, not @ApplicationScoped: the commands read the fields directly, which a client proxy would leave null.
@Singleton
class Services {

    final PublishImage publish;
    final CredentialResolver credentials;
    final EngineFactory engines;

    Services(PublishImage publish, CredentialResolver credentials, EngineFactory engines) {
        this.publish = publish;
        this.credentials = credentials;
        this.engines = engines;
    }
}
