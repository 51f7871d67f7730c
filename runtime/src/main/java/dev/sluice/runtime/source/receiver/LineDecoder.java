package dev.sluice.runtime.source.receiver;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Turns a byte stream, fed in chunks of any size, into text lines: split at {@code \n}, a
 * trailing {@code \r} removed. Bytes that are not valid in the charset become U+FFFD, as a
 * character split across two chunks is still decoded whole. A line longer than the maximum is
 * skipped as it streams by, without being kept, so memory stays bounded by the maximum
 * whatever the peer sends.
 */
final class LineDecoder {

    /** Where decoded lines and skipped over-long lines go. */
    interface Listener {
        void line(String line);

        /** A line of {@code length} characters (its end excluded) was longer than the maximum. */
        void skipped(long length);
    }

    private static final int CHUNK = 8192;
    /** Beyond this, the line buffer is dropped after a line so one long line does not pin memory. */
    private static final int KEPT_LINE_CAPACITY = 64 * 1024;

    private final CharsetDecoder decoder;
    private final int maxLineLength;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private StringBuilder line = new StringBuilder();
    /** Characters of the current line seen while skipping it; -1 while not skipping. */
    private long skippedLength = -1;

    LineDecoder(Charset charset, int maxLineLength) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.maxLineLength = maxLineLength;
    }

    /** Decodes {@code length} bytes from {@code input}, reporting every line they complete. */
    void decode(byte[] input, int offset, int length, Listener listener) {
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int taken = Math.min(bytes.remaining(), end - position);
            bytes.put(input, position, taken);
            position += taken;
            bytes.flip();
            decodeBuffered(false, listener);
            // Only the first bytes of a character split across chunks stay behind.
            bytes.compact();
        }
    }

    /** The input ended: reports the last line if it had no {@code \n}, and gets ready for a new input. */
    void endOfInput(Listener listener) {
        bytes.flip();
        decodeBuffered(true, listener);
        while (decoder.flush(chars).isOverflow()) {
            consumeChars(listener);
        }
        consumeChars(listener);
        if (skippedLength >= 0 || line.length() > 0) {
            endLine(listener);
        }
        decoder.reset();
        bytes.clear();
    }

    private void decodeBuffered(boolean endOfInput, Listener listener) {
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            consumeChars(listener);
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private void consumeChars(Listener listener) {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                endLine(listener);
            } else if (skippedLength >= 0) {
                skippedLength++;
            } else if (line.length() < maxLineLength || (c == '\r' && line.length() == maxLineLength)) {
                // One character over the maximum is allowed for a \r that may end the line.
                line.append(c);
            } else {
                skippedLength = line.length() + 1L;
                line = new StringBuilder();
            }
        }
        chars.clear();
    }

    private void endLine(Listener listener) {
        if (skippedLength >= 0) {
            long length = skippedLength;
            skippedLength = -1;
            listener.skipped(length);
            return;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        String text = line.substring(0, end);
        if (line.capacity() > KEPT_LINE_CAPACITY) {
            line = new StringBuilder();
        } else {
            line.setLength(0);
        }
        listener.line(text);
    }
}
