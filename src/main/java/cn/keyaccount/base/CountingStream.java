package cn.keyaccount.base;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A stream that tells a listener how many bytes have been read so far, after each read: the one place where uploads
 * and unpacked parts are bounded ({@code SheetRows}, {@code UploadBody}, a listener that throws) and where an import
 * reports its progress.
 */
public final class CountingStream extends FilterInputStream {

    private final LongConsumer afterRead;
    private long read;

    public CountingStream(InputStream in, LongConsumer afterRead) {
        super(in);
        this.afterRead = afterRead;
    }

    /** A stream that throws {@code refusal}'s exception once more than {@code max} bytes have been read. */
    public static CountingStream bounded(InputStream in, long max, java.util.function.Supplier<RuntimeException> refusal) {
        return new CountingStream(in, total -> {
            if (total > max) {
                throw refusal.get();
            }
        });
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(long n) {
        read += n;
        afterRead.accept(read);
    }
}
