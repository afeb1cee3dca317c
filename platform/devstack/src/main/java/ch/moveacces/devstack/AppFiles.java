package ch.moveacces.devstack;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The app's build output ({@code mobile/dist}) as a web server sees it: which file a request path
 * names, its content type and how long a browser may keep it. Nothing outside the directory can be
 * named: dot segments are refused, a symbolic link leading out is not followed.
 */
final class AppFiles {

  /** Where the app's build puts its output, under the repository. */
  static final String DIST = "mobile/dist";

  static final String INDEX = "index.html";

  /** Vite names every file under {@code /assets/} by its content's hash: it never changes. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** The rest (index.html, sw.js, the manifest, icons) may change at any build: revalidated. */
  static final String NO_CACHE = "no-cache";

  private static final String ASSETS = "assets";

  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("xml", "application/xml"),
          Map.entry("wasm", "application/wasm"));

  private static final String UNKNOWN_TYPE = "application/octet-stream";

  /** A request path that tries to leave the directory or cannot name a file at all. */
  static final class BadPath extends Exception {
    @Serial private static final long serialVersionUID = 1L;

    BadPath(String path) {
      super("not a path to a file of the app: " + path);
    }
  }

  private final Path root;

  /** {@code dist} must exist; see {@link #isBuilt}. */
  AppFiles(Path dist) throws IOException {
    this.root = dist.toRealPath();
  }

  /** Whether the app has been built into {@code dist}: its index.html is there. */
  static boolean isBuilt(Path dist) {
    return Files.isRegularFile(dist.resolve(INDEX));
  }

  /**
   * The file {@code path} (decoded, as in the request) names; index.html for a path of the app's
   * own (a deep link such as {@code /abonnements/12}: not under {@code /assets/} and without an
   * extension); empty for a missing file.
   */
  Optional<Path> find(String path) throws BadPath {
    List<String> segments = segments(path);
    Path file = root;
    for (String segment : segments) {
      file = file.resolve(segment);
    }
    if (Files.isRegularFile(file)) {
      return inside(file);
    }
    if (isAsset(segments) || (!segments.isEmpty() && segments.getLast().contains("."))) {
      return Optional.empty();
    }
    return inside(root.resolve(INDEX));
  }

  /** How long a browser may keep what {@code path} names: hashed assets for good, else no-cache. */
  String cacheControl(String path) throws BadPath {
    return isAsset(segments(path)) ? IMMUTABLE : NO_CACHE;
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0
        ? UNKNOWN_TYPE
        : CONTENT_TYPES.getOrDefault(
            name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN_TYPE);
  }

  private static boolean isAsset(List<String> segments) {
    return segments.size() > 1 && segments.getFirst().equals(ASSETS);
  }

  /**
   * The path's segments, empty ones left out (so {@code //etc/passwd} stays relative). Browsers
   * resolve dot segments before they send a request: one that still has them was made by hand.
   */
  private static List<String> segments(String path) throws BadPath {
    if (path == null
        || !path.startsWith("/")
        || path.indexOf('\\') >= 0
        || path.indexOf('\0') >= 0) {
      throw new BadPath(String.valueOf(path));
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new BadPath(path);
      }
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** The file, unless a symbolic link leads it out of the directory. */
  private Optional<Path> inside(Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(root) && Files.isRegularFile(real)
          ? Optional.of(real)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
