package dev.layerlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's own version, as reports name it. */
public final class ToolVersion {

    private static final String VERSION = load();

    private ToolVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream("/dev/layerlint/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
