package cn.keyaccount.application;

/** An uploaded document to send: its name, its type (as its content showed) and its bytes. */
public record DocumentFile(String fileName, String contentType, byte[] content) {
}
