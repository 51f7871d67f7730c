package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private final List<String> lines = new ArrayList<>();
    private final List<Long> skipped = new ArrayList<>();
    private final LineDecoder.Listener listener = new LineDecoder.Listener() {
        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void skipped(long length) {
            skipped.add(length);
        }
    };

    @Test
    void splitsAtNewlinesAndRemovesATrailingCarriageReturn() {
        LineDecoder decoder = new LineDecoder(UTF_8, 100);
        feed(decoder, "one\ntwo\r\n\nthree\r\rfour\n".getBytes(UTF_8));

        assertThat(lines).containsExactly("one", "two", "", "three\r\rfour");
    }

    @Test
    void decodesMultibyteCharactersSplitAcrossChunks() {
        LineDecoder decoder = new LineDecoder(UTF_8, 100);
        byte[] text = "héllo wörld € 𝄞\n".getBytes(UTF_8);
        for (byte b : text) {
            decoder.decode(new byte[] {b}, 0, 1, listener);
        }

        assertThat(lines).containsExactly("héllo wörld € 𝄞");
    }

    @Test
    void replacesInvalidBytesWithTheReplacementCharacter() {
        LineDecoder decoder = new LineDecoder(UTF_8, 100);
        feed(decoder, bytes("a".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "b\n".getBytes(UTF_8),
                new byte[] {(byte) 0xC3}, "\nok\n".getBytes(UTF_8)));

        assertThat(lines).containsExactly("a\uFFFDb", "\uFFFD", "ok");
    }

    @Test
    void skipsALineOverTheMaximumAndKeepsTheLinesAround() {
        LineDecoder decoder = new LineDecoder(UTF_8, 5);
        feed(decoder, "12345\n123456\n1234\r\nlast\n".getBytes(UTF_8));

        assertThat(lines).containsExactly("12345", "1234", "last");
        assertThat(skipped).containsExactly(6L);
    }

    @Test
    void aLineAtTheMaximumMayEndWithCarriageReturnNewline() {
        LineDecoder decoder = new LineDecoder(UTF_8, 5);
        feed(decoder, "12345\r\n12345\rx\n".getBytes(UTF_8));

        assertThat(lines).containsExactly("12345");
        assertThat(skipped).containsExactly(7L);
    }

    @Test
    void skipsAHugeLineStreamedInChunksWithoutKeepingIt() {
        LineDecoder decoder = new LineDecoder(UTF_8, 1000);
        byte[] chunk = "x".repeat(64 * 1024).getBytes(UTF_8);
        for (int i = 0; i < 160; i++) {  // 10 MiB without a newline
            decoder.decode(chunk, 0, chunk.length, listener);
        }
        feed(decoder, "\nafter\n".getBytes(UTF_8));

        assertThat(skipped).containsExactly(160L * 64 * 1024);
        assertThat(lines).containsExactly("after");
    }

    @Test
    void theEndOfInputCompletesALastLineWithoutNewlineAndResets() {
        LineDecoder decoder = new LineDecoder(UTF_8, 3);
        feed(decoder, "one\ntail".getBytes(UTF_8));
        decoder.endOfInput(listener);
        feed(decoder, new byte[] {(byte) 0xE2, (byte) 0x82});
        decoder.endOfInput(listener);
        feed(decoder, "new\n".getBytes(UTF_8));

        assertThat(lines).containsExactly("one", "\uFFFD", "new");
        assertThat(skipped).containsExactly(4L);
    }

    private void feed(LineDecoder decoder, byte[] input) {
        decoder.decode(input, 0, input.length, listener);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
