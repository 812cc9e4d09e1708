package dev.nsg.dhpush.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One open byte stream to the engine, whatever the transport; HTTP/1.1 is spoken over it by {@link EngineHttp}. */
public record EngineConnection(InputStream input, OutputStream output, Closeable transport) implements Closeable {

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
