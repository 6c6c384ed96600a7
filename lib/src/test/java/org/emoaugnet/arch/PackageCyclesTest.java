package org.emoaugnet.arch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The library's packages form a layered graph: no package reaches itself through the others' references (in code, comments aside). */
class PackageCyclesTest {
    private static final Pattern WILDCARD = Pattern.compile("^import org\\.emoaugnet\\.([\\w.]+)\\.\\*;", Pattern.MULTILINE);

    static Map<String, Set<String>> graph() throws Exception {
        Path src = Path.of("src/main/java/org/emoaugnet").toAbsolutePath();
        if (!Files.isDirectory(src)) src = Path.of("lib/src/main/java/org/emoaugnet").toAbsolutePath();
        Pattern ref = Pattern.compile("org\\.emoaugnet\\.((?:[a-z0-9]+\\.)*[a-z0-9]+)\\.[A-Z]");
        Map<String, Set<String>> g = new TreeMap<>();
        try (var s = Files.walk(src)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                // code only: comments may mention any package
                String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Matcher pm = Pattern.compile("^package org\\.emoaugnet\\.([\\w.]+);", Pattern.MULTILINE).matcher(text);
                assertTrue(pm.find(), f.toString());
                String pkg = pm.group(1);
                Set<String> deps = g.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = ref.matcher(text.substring(pm.end()));
                while (m.find()) if (!m.group(1).equals(pkg)) deps.add(m.group(1));
                Matcher w = WILDCARD.matcher(text);   // import org.emoaugnet.x.*; uses x too
                while (w.find()) if (!w.group(1).equals(pkg)) deps.add(w.group(1));
            }
        }
        return g;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws Exception {
        Map<String, Set<String>> g = graph();
        assertTrue(g.containsKey("run") && g.containsKey("data.loaders"), g.keySet().toString());
        List<String> cycles = new ArrayList<>();
        for (String start : g.keySet()) {
            // depth-first search for a path back to start
            List<List<String>> stack = new ArrayList<>();
            stack.add(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!stack.isEmpty()) {
                List<String> path = stack.remove(stack.size() - 1);
                for (String next : g.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) { cycles.add(String.join(" -> ", path) + " -> " + start); continue; }
                    if (seen.add(next)) {
                        List<String> p = new ArrayList<>(path);
                        p.add(next);
                        stack.add(p);
                    }
                }
            }
        }
        assertTrue(cycles.isEmpty(), "package cycles:\n" + String.join("\n", new TreeSet<>(cycles)));
    }
}
