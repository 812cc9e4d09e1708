package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nsg.dhpush.failure.InvalidInputException;

/** --host and DOCKER_HOST typos are input errors (exit 2) that say what a good address looks like, never a crash. */
class EngineAddressTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "tcp://[::1|an IPv6 host in brackets",
            "tcp://127.0.0.1:70000|the port must be 1 to 65535",
            "tcp://127.0.0.1:|the port must be 1 to 65535",
            "tcp://|a tcp address reads tcp://host:port",
            "bogus://x|dhpush speaks to engines at unix:///path or tcp://host:port",
            "unix://relative.sock|a unix socket address reads unix:///absolute/path",
    })
    void aMalformedAddress_isRefusedAsInput(String address, String rule) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> EngineAddress.parse(address));
        assertEquals(InvalidInputException.Problem.ENGINE_ADDRESS, refused.problem());
        assertTrue(refused.getMessage().startsWith("engine address \"" + address + "\" is not usable: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(rule), refused.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "tcp://[::1]:2375|tcp://[::1]:2375", "tcp://127.0.0.1|tcp://127.0.0.1:2375", "tcp://host:65535/|tcp://host:65535",
    })
    void aGoodAddress_isRead(String address, String read) {
        assertEquals(read, EngineAddress.parse(address).toString());
    }
}
