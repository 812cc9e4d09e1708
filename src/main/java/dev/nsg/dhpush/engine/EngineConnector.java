package dev.nsg.dhpush.engine;

import java.io.IOException;

/** Opens connections to one engine address. The transport choice (unix socket, tcp, TLS) stays behind this. */
interface EngineConnector {

    EngineConnection open() throws IOException;

    /** What the Host header says: the engine ignores it on a unix socket, but HTTP/1.1 requires one. */
    String hostHeader();
}
