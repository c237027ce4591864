package cn.keyaccount.support;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * Where a test lets an export write its file: keeps the bytes, and notes every write made while a transaction was
 * open on the writing thread. An export that streams reads its data in short transactions of its own and writes
 * with none open; one that holds a single transaction over the whole file (and times out on a long period) does
 * not.
 */
public final class ExportStream extends ByteArrayOutputStream {

    private int writesInTransaction;
    private int writes;

    @Override
    public synchronized void write(int b) {
        note();
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        note();
        super.write(b, off, len);
    }

    private void note() {
        writes++;
        try {
            TransactionManager tm = Arc.container().instance(TransactionManager.class).get();
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                writesInTransaction++;
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many writes to the file happened while a transaction was open (0 for a streamed export). */
    public int writesInTransaction() {
        return writesInTransaction;
    }

    public int writes() {
        return writes;
    }

    public InputStream read() {
        return new ByteArrayInputStream(toByteArray());
    }
}
