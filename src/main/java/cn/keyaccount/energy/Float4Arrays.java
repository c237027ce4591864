package cn.keyaccount.energy;

/**
 * Decodes PostgreSQL's binary form of a {@code real[]} (what {@code array_send} returns as bytea) straight into
 * primitive floats: no text, no boxing. The driver hands arrays over as text and boxes every element
 * ({@code Array.getArray()}: 70,000 {@code Float}s for a customer-year); reading {@code array_send(kwh)} as bytes
 * does neither and works whatever the driver's prepare threshold or binary-transfer setting.
 * <p>
 * The format (src/backend/utils/adt/arrayfuncs.c, array_send): int32 dimensions, int32 has-nulls flag, int32
 * element type oid, per dimension int32 length and int32 lower bound, then per element int32 byte length (-1 for
 * NULL) and the value (float4send: the IEEE 754 bits, big-endian). All integers are big-endian.
 */
final class Float4Arrays {

    /** The type oid of real (float4). */
    static final int FLOAT4_OID = 700;

    private Float4Arrays() {
    }

    /**
     * Adds the array's elements to target from base on: a value replaces a NaN slot (nothing summed there yet) and
     * is added to any other; a NULL element (a missing reading, as the import stores it) leaves its slot alone, and so
     * does a NaN element (the import never stores one; were one written by hand, it would count as missing too, so
     * that the sum does not depend on the order of the meters' rows). A null or empty array adds nothing.
     *
     * @return the number of elements (NULLs included)
     */
    static int addInto(byte[] bytes, float[] target, int base) {
        if (bytes == null) {
            return 0;
        }
        int dims = readInt(bytes, 0);
        if (dims == 0) {
            return 0;
        }
        if (dims != 1) {
            throw new IllegalArgumentException("one-dimensional real[] expected, got " + dims + " dimensions");
        }
        int type = readInt(bytes, 8);
        if (type != FLOAT4_OID) {
            throw new IllegalArgumentException("real[] expected, got element type oid " + type);
        }
        int n = readInt(bytes, 12);
        if (base < 0 || base + n > target.length) {
            throw new IllegalArgumentException(n + " elements do not fit at " + base + " into " + target.length);
        }
        int p = 20; // after ndim, flags, oid, length, lower bound
        for (int k = 0; k < n; k++) {
            int length = readInt(bytes, p);
            p += 4;
            if (length == -1) {
                continue;
            }
            if (length != 4) {
                throw new IllegalArgumentException("element " + k + " of " + length + " bytes, 4 expected");
            }
            float v = Float.intBitsToFloat(readInt(bytes, p));
            p += 4;
            if (Float.isNaN(v)) {
                continue;
            }
            float old = target[base + k];
            target[base + k] = Float.isNaN(old) ? v : old + v;
        }
        return n;
    }

    private static int readInt(byte[] b, int at) {
        if (at + 4 > b.length) {
            throw new IllegalArgumentException("binary real[] ends at byte " + b.length + ", more expected");
        }
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
