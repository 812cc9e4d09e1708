package dev.nsg.dhpush.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Plain tcp, or TLS with the client certificate of DOCKER_CERT_PATH and host-name verification. */
final class TcpConnector implements EngineConnector {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    private final SSLContext tls;

    TcpConnector(String host, int port, SSLContext tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    @Override
    public EngineConnection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                // An endpoint that takes the connection and never answers the TLS hello is wedged: bounded like an answer.
                secure.setSoTimeout((int) EngineHttp.ANSWER_TIMEOUT.toMillis());
                secure.startHandshake();
                secure.setSoTimeout(0);
                socket = secure;
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new EngineConnection(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    @Override
    public String hostHeader() {
        return host + ":" + port;
    }
}
