// SPDX-License-Identifier: Apache-2.0
package dev.pysocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Python's codecs with their error handlers ({@code strict}, {@code replace}, {@code ignore},
 * {@code surrogateescape}) over Java's charsets, raising CPython's UnicodeEncodeError /
 * UnicodeDecodeError messages. Used by makefile()'s text files and by the filesystem encoding
 * of AF_UNIX paths (UTF-8 with surrogateescape, CPython's on this machine).
 */
final class Codecs {
    private Codecs() {
    }

    /** Python's codec for {@code encoding} (its name normalised as Python's lookup does). */
    static Charset charset(String encoding) {
        String n = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "utf-8", "utf8", "u8" -> {
                return StandardCharsets.UTF_8;
            }
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1" -> {
                return StandardCharsets.ISO_8859_1;
            }
            case "ascii", "us-ascii", "646" -> {
                return StandardCharsets.US_ASCII;
            }
            default -> {
                try {
                    return Charset.forName(n);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new LookupError("unknown encoding: " + encoding);
                }
            }
        }
    }

    /** The codec's name in CPython's messages: {@code 'utf-8'}, {@code 'latin-1'}, {@code 'ascii'}. */
    static String pyName(Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            return "utf-8";
        }
        if (cs.equals(StandardCharsets.ISO_8859_1)) {
            return "latin-1";
        }
        return cs.equals(StandardCharsets.US_ASCII) ? "ascii" : cs.name().toLowerCase(Locale.ROOT);
    }

    /** Refuses an error handler Python does not know, as its codec lookup does. */
    static String checkErrors(String errors) {
        return switch (errors) {
            case "strict", "replace", "ignore", "surrogateescape" -> errors;
            default -> throw new LookupError("unknown error handler name '" + errors + "'");
        };
    }

    /** {@code s.encode(encoding, errors)}. */
    static byte[] encode(String s, Charset cs, String errors) {
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(s);
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                (long) s.length() * (long) Math.ceil(enc.maxBytesPerChar()) + 4));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            CoderResult r = enc.encode(in, out, true);
            flushTo(out, all);
            if (r.isUnderflow() && !in.hasRemaining()) {
                enc.flush(out);
                flushTo(out, all);
                return all.toByteArray();
            }
            if (r.isOverflow()) {
                continue;
            }
            int at = in.position();
            int len = r.isError() ? r.length() : 1;
            // A run of characters the codec refuses, as CPython reports them
            int end = at + len;
            while (end < s.length() && !cs.newEncoder().canEncode(s.charAt(end))) {
                end++;
            }
            switch (errors) {
                case "ignore" -> {
                }
                case "replace" -> all.writeBytes("?".repeat(end - at).getBytes(StandardCharsets.US_ASCII));
                case "surrogateescape" -> {
                    for (int i = at; i < end; i++) {
                        char c = s.charAt(i);
                        if (c < 0xDC80 || c > 0xDCFF) {
                            throw encodeError(s, cs, i, i + 1);
                        }
                        all.write(c - 0xDC00);
                    }
                }
                default -> throw encodeError(s, cs, at, end);
            }
            in.position(end);
        }
    }

    private static void flushTo(ByteBuffer out, ByteArrayOutputStream all) {
        out.flip();
        all.write(out.array(), 0, out.limit());
        out.clear();
    }

    private static UnicodeError encodeError(String s, Charset cs, int at, int end) {
        int cpAt = s.codePointCount(0, at);
        int cpEnd = cpAt + s.codePointCount(at, end);
        String what = cpEnd - cpAt == 1 ? "character " + escape(s.codePointAt(at)) + " in position " + cpAt
                : "characters in position " + cpAt + "-" + (cpEnd - 1);
        String reason = cs.equals(StandardCharsets.UTF_8) ? "surrogates not allowed"
                : cs.equals(StandardCharsets.ISO_8859_1) ? "ordinal not in range(256)"
                : cs.equals(StandardCharsets.US_ASCII) ? "ordinal not in range(128)" : "unmappable character";
        return new UnicodeError(true, "'" + pyName(cs) + "' codec can't encode " + what + ": " + reason);
    }

    /** A character as CPython's messages quote it: {@code '\udc80'}, {@code '\xe9'}. */
    private static String escape(int cp) {
        if (cp < 0x100) {
            return String.format("'\\x%02x'", cp);
        }
        return cp < 0x10000 ? String.format("'\\u%04x'", cp) : String.format("'\\U%08x'", cp);
    }

    /** {@code b.decode(encoding, errors)}. */
    static String decode(byte[] b, Charset cs, String errors) {
        Decoder d = new Decoder(cs, errors);
        return d.decode(b, 0, b.length, true);
    }

    /**
     * An incremental decoder: bytes may end inside a character, which waits for the next call
     * (Python's codecs.getincrementaldecoder).
     */
    static final class Decoder {
        private final Charset cs;
        private final String errors;
        private final CharsetDecoder dec;
        private byte[] pending = new byte[0];

        Decoder(Charset cs, String errors) {
            this.cs = cs;
            this.errors = checkErrors(errors);
            this.dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /** Decodes what it can of pending bytes plus {@code b[off, off+len)}; all of it when last. */
        String decode(byte[] b, int off, int len, boolean last) {
            byte[] data = new byte[pending.length + len];
            System.arraycopy(pending, 0, data, 0, pending.length);
            System.arraycopy(b, off, data, pending.length, len);
            ByteBuffer in = ByteBuffer.wrap(data);
            CharBuffer out = CharBuffer.allocate(data.length + 4);
            StringBuilder sb = new StringBuilder();
            while (true) {
                CoderResult r = dec.decode(in, out, last);
                out.flip();
                sb.append(out);
                out.clear();
                if (r.isOverflow()) {
                    continue;
                }
                if (r.isUnderflow()) {
                    break;
                }
                int at = in.position();
                int n = r.length();
                switch (errors) {
                    case "ignore" -> {
                    }
                    case "replace" -> sb.append('\ufffd');
                    case "surrogateescape" -> {
                        for (int i = at; i < at + n; i++) {
                            int x = data[i] & 0xff;
                            if (x < 0x80) {
                                throw decodeError(data, at, n, last);
                            }
                            sb.append((char) (0xDC00 + x));
                        }
                    }
                    default -> throw decodeError(data, at, n, last);
                }
                in.position(at + n);
            }
            if (last) {
                try {
                    dec.flush(out);
                } catch (IllegalStateException ignored) {
                    // nothing was decoded since the last reset
                }
                dec.reset();
                pending = new byte[0];
            } else {
                pending = new byte[in.remaining()];
                in.get(pending);
            }
            return sb.toString();
        }

        private UnicodeError decodeError(byte[] data, int at, int n, boolean last) {
            String what = n == 1 ? String.format("byte 0x%02x in position %d", data[at] & 0xff, at)
                    : "bytes in position " + at + "-" + (at + n - 1);
            String reason;
            if (cs.equals(StandardCharsets.UTF_8)) {
                int x = data[at] & 0xff;
                boolean badStart = (x >= 0x80 && x < 0xC2) || x >= 0xF5;
                reason = badStart ? "invalid start byte"
                        : last && at + n == data.length ? "unexpected end of data" : "invalid continuation byte";
            } else if (cs.equals(StandardCharsets.US_ASCII)) {
                reason = "ordinal not in range(128)";
            } else {
                reason = "invalid data";
            }
            return new UnicodeError(false, "'" + pyName(cs) + "' codec can't decode " + what + ": " + reason);
        }
    }
}
