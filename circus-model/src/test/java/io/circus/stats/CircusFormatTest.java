package io.circus.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CircusFormatTest {

    @Test
    void bytesAreRenderedLikeCircusBytes2human() {
        assertEquals("100B", CircusFormat.bytes(100));
        assertEquals("1023B", CircusFormat.bytes(1023));
        assertEquals("1.00K", CircusFormat.bytes(1024));
        assertEquals("9.77K", CircusFormat.bytes(10000));
        assertEquals("95.37M", CircusFormat.bytes(100001221));
        assertEquals("2.00G", CircusFormat.bytes(2L << 30));
    }

    @Test
    void cpuTimeIsMinutesSecondsAndHundredths() {
        assertEquals("0:00.00", CircusFormat.ctime(0));
        assertEquals("0:00.20", CircusFormat.ctime(200));
        assertEquals("1:01.23", CircusFormat.ctime(61_230));
        assertEquals("0:00.00", CircusFormat.ctime(3_600_000), "minutes modulo 60, as Circus");
    }

    @Test
    void memoryPercentIsRoundedToThreeDecimals() {
        assertEquals(0.038, CircusFormat.percent3(0.03791));
    }
}
