package dev.glaze.shell.repl;

import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import groovy.lang.Binding;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import groovy.lang.MetaMethod;
import groovy.lang.MetaProperty;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import java.util.Map;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion that never runs anything: binding names, and after a dot the methods and properties of the class
 * of what is left of it, found through the metaclass (Groovy's added methods such as {@code find} included). Only
 * a plain binding variable is ever looked at; past it the completer follows declared property and method return
 * types, so {@code images.first().na<TAB>} makes no request and {@code new File(..).<TAB>} writes no file.
 * Inside {@code images['} it offers image names ({@link ImageNames}: one listing request, cached); after a dot on
 * an image held in a variable, its attribute and property names as well as its members.
 */
public final class BindingCompleter implements Completer {
    /** {@code images['ub} left of the cursor: a bound name, a bracket, a quote, the start of an image name. */
    private static final Pattern IMAGE_NAME = Pattern.compile("([A-Za-z_$][\\w$]*)\\[\\s*(['\"])([^'\"\\\\]*)$");

    private final Binding binding;
    private final ImageNames imageNames;

    public BindingCompleter(Binding binding) {
        this(binding, new ImageNames());
    }

    BindingCompleter(Binding binding, ImageNames imageNames) {
        this.binding = binding;
        this.imageNames = imageNames;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        String before = line.line().substring(0, Math.min(line.cursor(), line.line().length()));
        Matcher m = IMAGE_NAME.matcher(before);
        if (m.find()) {
            String typed = m.group(3);
            String close = m.group(2) + "]";     // the string and the bracket closed: the line reads on as an image
            for (String name : imageNames(m.group(1), typed)) {
                // JLine replaces the word at the cursor, which ends at a space a name may have
                String value = word.endsWith(typed) ? word.substring(0, word.length() - typed.length()) + name + close
                        : name.substring(typed.length() - word.length()) + close;
                candidates.add(new Candidate(value, name, null, null, null, null, false));
            }
            return;
        }
        // JLine's word stops at brackets; the expression left of the cursor may go on past "()" pairs
        String expression = expressionBefore(line.line(), line.cursor());
        String prefix = expression.substring(expression.lastIndexOf('.') + 1);
        String keep = word.endsWith(prefix) ? word.substring(0, word.length() - prefix.length()) : word;
        for (String c : complete(expression)) {
            String name = c.substring(c.lastIndexOf('.') + 1);
            candidates.add(new Candidate(keep + name, name, null, null, null, null, false));
        }
    }

    /** The dotted expression that ends at {@code cursor}: names, dots and empty calls, e.g. {@code cloud.images().wh}. */
    static String expressionBefore(String line, int cursor) {
        int i = Math.min(cursor, line.length());
        while (i > 0) {
            char c = line.charAt(i - 1);
            if (Character.isJavaIdentifierPart(c) || c == '.') {
                i--;
            } else if (c == ')' && i > 1 && line.charAt(i - 2) == '(') {
                i -= 2;
            } else {
                break;
            }
        }
        return line.substring(i, Math.min(cursor, line.length()));
    }

    /**
     * The names of the images of the bound {@code variable} (an {@link Images}: {@code images} or a filtered one)
     * that start with {@code prefix}; names with a quote or a backslash are left out, they would need escapes.
     */
    List<String> imageNames(String variable, String prefix) {
        if (!(binding.getVariables().get(variable) instanceof Images images)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(imageNames.of(images))) {
            if (name.startsWith(prefix) && name.indexOf('\'') < 0 && name.indexOf('"') < 0 && name.indexOf('\\') < 0) {
                out.add(name);
            }
        }
        return out;
    }

    /** The whole words that can replace {@code word}: {@code ima} gives {@code images}, {@code images.fi} gives {@code images.find}. */
    public TreeSet<String> complete(String word) {
        TreeSet<String> out = new TreeSet<>();
        int dot = word.lastIndexOf('.');
        if (dot < 0) {
            for (Object name : binding.getVariables().keySet()) {
                String n = String.valueOf(name);
                if (n.startsWith(word) && !n.equals("out")) {
                    out.add(n);
                }
            }
            return out;
        }
        String[] path = word.substring(0, dot).split("\\.", -1);
        String prefix = word.substring(dot + 1);
        Class<?> type = typeOf(path);
        if (type == null) {
            return out;
        }
        MetaClass mc = GroovySystem.getMetaClassRegistry().getMetaClass(type);
        String head = word.substring(0, dot + 1);
        if (path.length == 1 && binding.getVariables().get(path[0]) instanceof Image image) {
            // what image.os_distro reads: the base attributes and the image's own properties, as fetched already
            Set<String> names = new TreeSet<>(Renderer.BASE_FIRST);
            names.addAll(image.toMap().keySet());
            for (String name : names) {
                if (name.startsWith(prefix) && SourceVersion.isIdentifier(name)) {
                    out.add(head + name);
                }
            }
        }
        for (MetaMethod m : methods(mc)) {
            String name = m.getName();
            if (Modifier.isPublic(m.getModifiers()) && !m.isStatic() && name.startsWith(prefix) && visible(name)) {
                out.add(head + name);
            }
        }
        for (MetaProperty p : mc.getProperties()) {
            String name = p.getName();
            if (name.startsWith(prefix) && visible(name) && !name.equals("class") && !name.equals("metaClass")) {
                out.add(head + name);
            }
        }
        return out;
    }

    private static List<MetaMethod> methods(MetaClass mc) {
        List<MetaMethod> all = new java.util.ArrayList<>(mc.getMethods());
        all.addAll(mc.getMetaMethods());
        return all;
    }

    private static boolean visible(String name) {
        return !name.contains("$") && !name.startsWith("super") && !name.startsWith("this$")
                && !name.equals("invokeMethod") && !name.equals("getProperty") && !name.equals("setProperty")
                && !name.equals("getMetaClass") && !name.equals("setMetaClass");
    }

    /** The class of {@code a.b.c}: the binding value's class for {@code a}, then declared types only. */
    private Class<?> typeOf(String[] path) {
        String root = path[0];
        Map<?, ?> vars = binding.getVariables();
        if (!vars.containsKey(root)) {
            return null;
        }
        Object value = vars.get(root);
        Class<?> type = value == null ? Object.class : value.getClass();
        for (int i = 1; i < path.length && type != null; i++) {
            type = memberType(type, path[i]);
        }
        return type;
    }

    private static Class<?> memberType(Class<?> type, String member) {
        String name = member.endsWith("()") ? member.substring(0, member.length() - 2) : member;
        MetaClass mc = GroovySystem.getMetaClassRegistry().getMetaClass(type);
        if (!member.endsWith("()")) {
            MetaProperty p = mc.getMetaProperty(name);
            if (p != null) {
                return p.getType();
            }
        }
        for (MetaMethod m : methods(mc)) {
            if (m.getName().equals(name) && m.getParameterTypes().length == 0) {
                return m.getReturnType();
            }
        }
        return null;
    }
}
