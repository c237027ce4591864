package cn.keyaccount.base.rest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.CountingStream;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The body of an import request, bounded: a file larger than the import takes is refused with 422 and a message
 * naming the limit, before more than the limit is read. The HTTP layer's own bound
 * ({@code quarkus.http.limits.max-body-size}) sits a little above the largest of these, as a backstop that answers
 * 413 without a message.
 */
public final class UploadBody {

    /** Bills, payments and maintenance plans: 32 MB, about 200,000 bill rows as CSV. */
    public static final long IMPORT_MAX_BYTES = 32L << 20;
    /** Meter readings, streamed: 256 MB, about 6 million readings as CSV. */
    public static final long READINGS_MAX_BYTES = 256L << 20;

    private UploadBody() {
    }

    /** The whole body, at most {@code maxBytes}; 400 when empty, 422 ({@code import.upload-too-large}) when larger. */
    public static byte[] bytes(InputStream body, long maxBytes) {
        if (body == null) {
            throw new BadRequestException();
        }
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length == 0) {
                throw new BadRequestException();
            }
            if (content.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a stream that ends the request with 422 once more than {@code maxBytes} have been read. */
    public static InputStream bounded(InputStream body, long maxBytes) {
        if (body == null) {
            throw new BadRequestException();
        }
        return CountingStream.bounded(body, maxBytes, () -> tooLarge(maxBytes));
    }

    private static BusinessException tooLarge(long maxBytes) {
        return BusinessException.invalid("import.upload-too-large", maxBytes >> 20);
    }
}
