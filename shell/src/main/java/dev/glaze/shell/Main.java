package dev.glaze.shell;

/** The glaze command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("glaze");
    }
}
