package io.hookbot.channel;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: a byte sequence that is not UTF-8 (a stray byte, a sequence cut short, an over-long form,
 * an encoded surrogate) is reported, not replaced with U+FFFD as {@code new String(bytes, UTF_8)} and
 * {@link java.net.URLDecoder} do.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * @param bytes the bytes
     * @param from  the first byte to read
     * @param to    the end, exclusive
     * @return the offset from {@code from} of the first byte that is not part of valid UTF-8, or -1 if all are
     */
    static int firstInvalid(byte[] bytes, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CoderResult result = decoder().decode(in, CharBuffer.allocate(to - from), true);
        return result.isError() ? in.position() - from : -1;
    }

    /**
     * @param bytes valid UTF-8 ({@link #firstInvalid} found nothing)
     * @param from  the first byte to read
     * @param to    the end, exclusive
     * @return the text
     */
    static String decode(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
