package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** S9: latency and faults on demand, off by default. */
class SimFaultsTest {

    @Test
    void w10_latencyParsesFixedAndRangeValues() {
        assertEquals(new SimFaults.Latency(300, 300), SimFaults.parseLatency("300ms"));
        assertEquals(new SimFaults.Latency(1000, 1000), SimFaults.parseLatency("1s"));
        assertEquals(new SimFaults.Latency(250, 250), SimFaults.parseLatency("250"));
        assertEquals(new SimFaults.Latency(100, 300), SimFaults.parseLatency("100ms..300ms"));
        assertEquals(new SimFaults.Latency(100, 300), SimFaults.parseLatency("300ms..100ms"));
        assertThrows(IllegalArgumentException.class, () -> SimFaults.parseLatency("soon"));
    }

    @Test
    void w10_latencyIsDrawnUniformlyWithinTheRange() {
        SimFaults f = new SimFaults(Optional.of("100ms..300ms"), 0, 0, new Random(1));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = f.nextDelayMillis();
            assertTrue(d >= 100 && d <= 300, "delay " + d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min < 120 && max > 280, "spread over the range: " + min + ".." + max);
        assertEquals(300, new SimFaults(Optional.of("300ms"), 0, 0, new Random(1)).nextDelayMillis());
    }

    @Test
    void w10_everythingIsOffByDefault() {
        SimFaults f = new SimFaults(Optional.empty(), 0, 0, new Random(2));
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, f.nextDelayMillis());
            assertEquals(SimFaults.Fault.NONE, f.nextFault());
            assertFalse(f.nextMalformed());
        }
    }

    @Test
    void w10_faultRateSplitsBetween429And500() {
        Map<SimFaults.Fault, Integer> counts = new EnumMap<>(SimFaults.Fault.class);
        SimFaults all = new SimFaults(Optional.empty(), 1.0, 0, new Random(3));
        for (int i = 0; i < 1000; i++) {
            counts.merge(all.nextFault(), 1, Integer::sum);
        }
        assertEquals(0, counts.getOrDefault(SimFaults.Fault.NONE, 0));
        assertTrue(counts.get(SimFaults.Fault.TOO_MANY_REQUESTS) > 400, counts.toString());
        assertTrue(counts.get(SimFaults.Fault.SERVER_ERROR) > 400, counts.toString());

        SimFaults some = new SimFaults(Optional.empty(), 0.2, 0, new Random(4));
        int faults = 0;
        for (int i = 0; i < 5000; i++) {
            if (some.nextFault() != SimFaults.Fault.NONE) {
                faults++;
            }
        }
        assertTrue(faults > 850 && faults < 1150, "about 20 % faults: " + faults);
    }

    @Test
    void w10_malformedJudgeAnswersAreNotJson() {
        SimFaults f = new SimFaults(Optional.empty(), 0, 0.5, new Random(5));
        int malformed = 0;
        for (int i = 0; i < 2000; i++) {
            if (f.nextMalformed()) {
                malformed++;
            }
        }
        assertTrue(malformed > 850 && malformed < 1150, "about half: " + malformed);
        String json = "{\"ratings\":[{\"value\":\"a\",\"rating\":4,\"reason\":\"Enacted: 'x'.\"}]}";
        String bad = SimModels.corrupt(json);
        assertThrows(Exception.class, () -> new ObjectMapper().readTree(bad));
    }
}
