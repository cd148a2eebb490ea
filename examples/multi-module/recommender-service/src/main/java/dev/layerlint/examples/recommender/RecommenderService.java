package dev.layerlint.examples.recommender;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Ranks recommendations with the model given as its argument; here it only reports the model it loaded. */
public final class RecommenderService {

    private RecommenderService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RecommenderService MODEL_FILE");
        }
        long modelBytes = Files.size(Path.of(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/health", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"modelBytes\":" + modelBytes + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
