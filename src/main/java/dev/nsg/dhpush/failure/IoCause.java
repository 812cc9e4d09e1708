package dev.nsg.dhpush.failure;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * What an I/O failure means, in the words a message quotes after the party that failed: never the exception's class
 * name, which tells a user nothing (and the README promises none).
 */
public final class IoCause {

    private IoCause() {
    }

    public static String of(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        if (cause instanceof UnknownHostException) {
            return "unknown host" + (message.isEmpty() ? "" : " \"" + message + "\"");
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        if (cause instanceof ConnectException) {
            return message.isEmpty() ? "connection refused" : lowerFirst(message);
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof SSLException) {
            return "TLS failed" + (message.isEmpty() ? "" : ": " + message);
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file" + (message.isEmpty() ? "" : ": " + message);
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied" + (message.isEmpty() ? "" : ": " + message);
        }
        if (cause instanceof ClosedChannelException) {
            return "the connection was closed";
        }
        if (cause instanceof EOFException) {
            return message.isEmpty() ? "the connection ended early" : lowerFirst(message);
        }
        return message.isEmpty() ? "an input/output failure" : lowerFirst(message);
    }

    private static String lowerFirst(String text) {
        // "Connection refused" reads better inside a sentence; an acronym ("TLS ...") stays as it is.
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
