// SPDX-License-Identifier: Apache-2.0
package dev.pysocket.parity;

import dev.pysocket.Address;
import dev.pysocket.AddressFamily;
import dev.pysocket.AddressInfo;
import dev.pysocket.MsgFlag;
import dev.pysocket.Inet6Addr;
import dev.pysocket.InetAddr;
import dev.pysocket.SocketKind;
import dev.pysocket.SocketType;
import dev.pysocket.UnixAddr;
import dev.pysocket.parity.Ast.Attr;
import dev.pysocket.parity.Ast.Bytes;
import dev.pysocket.parity.Ast.Call;
import dev.pysocket.parity.Ast.ListExpr;
import dev.pysocket.parity.Ast.Lit;
import dev.pysocket.parity.Ast.Name;
import dev.pysocket.parity.Ast.Node;
import dev.pysocket.parity.Ast.Repeat;
import dev.pysocket.parity.Ast.Stmt;
import dev.pysocket.parity.Ast.Sub;
import dev.pysocket.parity.Ast.Tuple;
import dev.pysocket.parity.PyValues.ByteArray;
import dev.pysocket.parity.PyValues.NotExpressible;
import dev.pysocket.parity.PyValues.PyError;
import dev.pysocket.parity.PyValues.PyTuple;
import dev.pysocket.syscall.Interrupter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the steps of one case against pysocket: Python names map to Java classes, attribute reads
 * to zero-argument methods, calls to the Java overload chosen by arity and argument conversion
 * (all by reflection, so that modules and methods work as soon as they exist). Alongside each
 * value it builds the Java source a porter would write for the step.
 */
final class Evaluator {
    /** A value and the Java expression that computes it. */
    record V(Object value, String code) {
    }

    /** A module name: {@code socket}, {@code select}, {@code selectors}; cls null if missing. */
    record ModuleRef(String pyName, Class<?> cls) {
    }

    /** A class used as a namespace: a module class or a nested class. */
    record ClassRef(Class<?> cls, String code) {
    }

    /** {@code Owner.name} when it is not a field: static methods and/or a nested class. */
    record MemberRef(Class<?> owner, String name, String code) {
    }

    /** A helper function of the case namespace. */
    record Helper(String name) {
    }

    /** Thrown when the Java call itself raised: carries the library's exception. */
    static final class Raised extends RuntimeException {
        final Throwable error;

        Raised(Throwable error) {
            super(error);
            this.error = error;
        }
    }

    static final Set<String> HELPERS = Set.of("tmp_path", "Obj", "sleep", "interrupt_after", "len", "bytearray", "list");
    private static final Map<String, String> MODULES = Map.of(
            "socket", "dev.pysocket.socket", "select", "dev.pysocket.select", "selectors", "dev.pysocket.selectors",
            "ssl", "dev.pysocket.ssl", "socketserver", "dev.pysocket.socketserver");
    /** Modules whose classes are top-level classes of the package ({@code ssl.SSLContext} is {@code SSLContext}). */
    private static final Set<String> CLASS_MODULES = Set.of("dev.pysocket.ssl", "dev.pysocket.socketserver");

    /**
     * Modules Python reaches through the socket module's own imports ({@code socket.errno},
     * {@code socket.os}): pysocket's {@code errno} class holds both errno's names and
     * {@code os.strerror}.
     */
    private static final Map<String, String> SUBMODULES = Map.of(
            "errno", "dev.pysocket.errno", "os", "dev.pysocket.errno");

    final Map<String, Object> ns = new LinkedHashMap<>();
    /** The signals {@code interrupt_after} scheduled; the case runner cancels them at the end. */
    final List<Interrupter.Interruption> interruptions =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private final String tmpdir;
    private final Set<String> declared = new HashSet<>();
    /** Every object a step returned (for clean-up), in order. */
    final List<Object> seen = new ArrayList<>();
    private final Set<Object> seenIds = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The Java code of the last call that was about to be invoked for the step's top node. */
    private String topCode;
    private Node topNode;

    Evaluator(String tmpdir) {
        this.tmpdir = tmpdir;
        for (Map.Entry<String, String> e : MODULES.entrySet()) {
            ns.put(e.getKey(), new ModuleRef(e.getKey(), loadClass(e.getValue())));
        }
    }

    static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static boolean isNamespaceName(String name) {
        return MODULES.containsKey(name) || HELPERS.contains(name);
    }

    // ------------------------------------------------------------------ steps

    /** The outcome of one step: the value (for markers) and the Java source line. */
    record Outcome(Object value, String java) {
    }

    /** Runs a statement; on failure the exception carries the Java line in {@link #lastJava}. */
    String lastJava;

    Object run(Stmt st) {
        topCode = null;
        topNode = st.expr();
        lastJava = null;
        try {
            V v = eval(st.expr());
            lastJava = statement(st, v.code(), v.value());
            if (st.isAssign()) {
                if (!st.unpack()) {
                    ns.put(st.targets().get(0), v.value());
                } else {
                    List<Object> items = PyValues.items(v.value());
                    if (items == null || v.value() instanceof String || v.value() instanceof byte[]) {
                        throw new PyError("TypeError", "cannot unpack non-iterable "
                                + PyValues.typeName(v.value()) + " object");
                    }
                    if (items.size() != st.targets().size()) {
                        throw new PyError("ValueError", "unpack: expected " + st.targets().size()
                                + " values, got " + items.size());
                    }
                    for (int i = 0; i < items.size(); i++) {
                        ns.put(st.targets().get(i), items.get(i));
                    }
                }
            }
            track(v.value(), 0);
            return v.value();
        } catch (RuntimeException e) {
            if (lastJava == null) {
                String code = topCode != null ? topCode : JavaCode.render(st.expr());
                lastJava = statement(st, code, null);
            }
            throw e;
        }
    }

    private String statement(Stmt st, String code, Object value) {
        if (!st.isAssign()) {
            Node e = st.expr();
            boolean callLike = e instanceof Call || (e instanceof Attr && code.endsWith(")"));
            return callLike ? code + ";" : "print(" + code + ");";
        }
        if (!st.unpack()) {
            String t = st.targets().get(0);
            return (declared.add(t) ? "var " : "") + t + " = " + code + ";";
        }
        String tmp = String.join("_", st.targets());
        StringBuilder sb = new StringBuilder("var " + tmp + " = " + code + ";");
        List<String> accessors = new ArrayList<>();
        if (value != null && value.getClass().isRecord() && !(value instanceof PyTuple)) {
            for (var rc : value.getClass().getRecordComponents()) {
                accessors.add(rc.getName() + "()");
            }
        }
        for (int i = 0; i < st.targets().size(); i++) {
            String t = st.targets().get(i);
            String acc = i < accessors.size() ? accessors.get(i) : "get(" + i + ")";
            sb.append(' ').append(declared.add(t) ? "var " : "").append(t).append(" = ").append(tmp).append('.')
                    .append(acc).append(';');
        }
        return sb.toString();
    }

    /** Remembers every object in a result, so that clean-up can close what the case made. */
    private void track(Object v, int depth) {
        if (v == null || depth > 4 || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof byte[]) {
            return;
        }
        if (seenIds.add(v)) {
            seen.add(v);
        }
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> track(x, depth + 1));
            return;
        }
        List<Object> items = v instanceof ModuleRef || v instanceof UnixAddr ? null : safeItems(v);
        if (items != null) {
            items.forEach(x -> track(x, depth + 1));
        }
    }

    private static List<Object> safeItems(Object v) {
        try {
            return PyValues.items(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ expressions

    V eval(Node n) {
        return switch (n) {
            case Name nm -> name(nm.id());
            case Lit l -> literal(l.value());
            case Tuple t -> {
                List<V> items = evalAll(t.items());
                yield new V(new PyTuple(values(items).toArray()), "tuple(" + codes(items) + ")");
            }
            case ListExpr l -> {
                List<V> items = evalAll(l.items());
                yield new V(new ArrayList<>(values(items)), "List.of(" + codes(items) + ")");
            }
            case Attr a -> attribute(eval(a.obj()), a.name());
            case Call c -> call(c);
            case Sub s -> subscript(eval(s.obj()), s.index());
            case Repeat r -> {
                Object lv = r.lit().value();
                if (lv instanceof String s) {
                    yield new V(s.repeat(r.count()), JavaCode.literal(s) + ".repeat(" + r.count() + ")");
                }
                byte[] b = ((Bytes) lv).data();
                byte[] out = new byte[b.length * r.count()];
                for (int i = 0; i < r.count(); i++) {
                    System.arraycopy(b, 0, out, i * b.length, b.length);
                }
                yield new V(out, "b(" + JavaCode.literal(PyValues.latin1(b)) + ".repeat(" + r.count() + "))");
            }
        };
    }

    private List<V> evalAll(List<Node> nodes) {
        List<V> out = new ArrayList<>();
        for (Node x : nodes) {
            out.add(eval(x));
        }
        return out;
    }

    private static List<Object> values(List<V> vs) {
        List<Object> out = new ArrayList<>();
        for (V v : vs) {
            out.add(v.value());
        }
        return out;
    }

    private static String codes(List<V> vs) {
        List<String> out = new ArrayList<>();
        for (V v : vs) {
            out.add(v.code());
        }
        return String.join(", ", out);
    }

    private V name(String id) {
        if (ns.containsKey(id)) {
            return new V(ns.get(id), id);
        }
        if (HELPERS.contains(id)) {
            return new V(new Helper(id), id);
        }
        throw new PyError("NameError", "name '" + id + "' is not defined");
    }

    static V literal(Object v) {
        if (v instanceof Bytes b) {
            return new V(b.data().clone(), JavaCode.literalValue(v));
        }
        return new V(v, JavaCode.literalValue(v));
    }

    private V subscript(V target, int index) {
        Object v = target.value();
        if (v instanceof String s) {
            int[] cps = s.codePoints().toArray();
            int i = index < 0 ? cps.length + index : index;
            if (i < 0 || i >= cps.length) {
                throw new PyError("IndexError", "string index out of range");
            }
            return new V(new String(cps, i, 1), target.code() + ".charAt(" + i + ")");
        }
        if (v instanceof byte[] b) {
            int i = index < 0 ? b.length + index : index;
            if (i < 0 || i >= b.length) {
                throw new PyError("IndexError", "index out of range");
            }
            return new V((long) (b[i] & 0xff), "(" + target.code() + "[" + i + "] & 0xff)");
        }
        if (v instanceof Map<?, ?> m) {
            Object key = m.keySet().stream().findFirst().orElse(null) instanceof Integer ? (Object) index : null;
            if (key == null || !m.containsKey(key)) {
                throw new PyError("KeyError", Integer.toString(index));
            }
            return new V(m.get(key), target.code() + ".get(" + index + ")");
        }
        List<Object> items = v instanceof UnixAddr ? null : PyValues.items(v);
        if (items == null) {
            throw new PyError("TypeError", "'" + PyValues.typeName(v) + "' object is not subscriptable");
        }
        int i = index < 0 ? items.size() + index : index;
        if (i < 0 || i >= items.size()) {
            throw new PyError("IndexError", PyValues.typeName(v) + " index out of range");
        }
        String code;
        if (v.getClass().isRecord() && !(v instanceof PyTuple)) {
            code = target.code() + "." + v.getClass().getRecordComponents()[i].getName() + "()";
        } else if (v instanceof List<?>) {
            code = target.code() + ".get(" + i + ")";
        } else {
            code = target.code() + "[" + i + "]";
        }
        return new V(items.get(i), code);
    }

    // ------------------------------------------------------------------ attributes

    private V attribute(V target, String name) {
        Object t = target.value();
        if (t instanceof ModuleRef m) {
            if (m.cls() == null) {
                throw missingModule(m.pyName());
            }
            if (m.pyName().equals("socket") && SUBMODULES.containsKey(name)) {
                Class<?> sub = loadClass(SUBMODULES.get(name));
                return new V(new ModuleRef("errno", sub), "errno");
            }
            Class<?> enumeration = m.pyName().equals("socket") ? enumClass(name) : null;
            if (enumeration != null) {
                return new V(new ClassRef(enumeration, name), name);
            }
            return classAttribute(m.cls(), name, m.pyName());
        }
        if (t instanceof ClassRef c) {
            return classAttribute(c.cls(), name, c.code());
        }
        if (t instanceof MemberRef m) {
            Class<?> nested = nestedClass(m.owner(), m.name());
            if (nested == null) {
                throw new NotExpressible(m.code() + " is a method, it has no attribute " + name);
            }
            return classAttribute(nested, name, m.code());
        }
        if (t instanceof Helper h) {
            throw new NotExpressible("helper " + h.name() + " has no attribute " + name);
        }
        if (t == null) {
            throw new PyError("AttributeError", "'NoneType' object has no attribute '" + name + "'");
        }
        Method m = findMethod(t.getClass(), name, 0);
        if (m != null) {
            return new V(invoke(m, t, new Object[0]), target.code() + "." + name + "()");
        }
        try {
            Field f = t.getClass().getField(name);
            if (!Modifier.isStatic(f.getModifiers())) {
                return new V(f.get(t), target.code() + "." + name);
            }
        } catch (ReflectiveOperationException e) {
            // no such field
        }
        throw new NotExpressible(t.getClass().getSimpleName() + " has no method " + name + "()");
    }

    private static NotExpressible missingModule(String py) {
        return new NotExpressible("module " + py + " is not implemented in pysocket yet (no class "
                + MODULES.get(py) + ")");
    }

    private V classAttribute(Class<?> cls, String name, String ownerCode) {
        try {
            Field f = cls.getField(name);
            if (Modifier.isStatic(f.getModifiers())) {
                return new V(f.get(null), ownerCode + "." + name);
            }
        } catch (NoSuchFieldException e) {
            // not a field
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        boolean hasMethods = Arrays.stream(cls.getMethods())
                .anyMatch(m -> m.getName().equals(name) && Modifier.isStatic(m.getModifiers()));
        if (hasMethods || nestedClass(cls, name) != null) {
            return new V(new MemberRef(cls, name, ownerCode + "." + name), ownerCode + "." + name);
        }
        Class<?> top = moduleClass(cls, name);
        if (top != null) {
            return new V(new ClassRef(top, name), name);
        }
        throw new NotExpressible(cls.getSimpleName() + " has no member " + name);
    }

    /** {@code socket.AddressFamily} and the other enumerations: top-level classes of dev.pysocket. */
    private static Class<?> enumClass(String name) {
        return Set.of("AddressFamily", "SocketKind", "MsgFlag", "AddressInfo").contains(name)
                ? loadClass("dev.pysocket." + name) : null;
    }

    private static Method staticMethod(Class<?> cls, String name) {
        try {
            return cls.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new NotExpressible(cls.getSimpleName() + " has no " + name + "()");
        }
    }

    /** A class of the package that a module holds in Python ({@code ssl.MemoryBIO}, {@code socketserver.TCPServer}). */
    private static Class<?> moduleClass(Class<?> module, String name) {
        if (!CLASS_MODULES.contains(module.getName())) {
            return null;
        }
        Class<?> c = loadClass(module.getPackageName() + "." + name);
        return c != null && Modifier.isPublic(c.getModifiers()) && c.getEnclosingClass() == null ? c : null;
    }

    private static Class<?> nestedClass(Class<?> owner, String name) {
        for (Class<?> c : owner.getClasses()) {
            if (c.getSimpleName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The public methods of {@code cls}, one per signature: the declared one rather than a
     * covariant bridge, but a bridge where it is the only public way in (javac re-declares the
     * public methods of a package-private superclass so, as SSLSocket's from TlsChannel).
     */
    private static List<Method> methods(Class<?> cls) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Method m : cls.getMethods()) {
            if (m.isSynthetic() && !m.isBridge() || !Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                continue; // a method of a package-private class is reached through its bridge
            }
            String sig = m.getName() + Arrays.toString(m.getParameterTypes());
            Method seen = bySignature.get(sig);
            if (seen == null || seen.isBridge() && !m.isBridge()) {
                bySignature.put(sig, m);
            }
        }
        return new ArrayList<>(bySignature.values());
    }

    private static Method findMethod(Class<?> cls, String name, int arity) {
        List<Method> ms = new ArrayList<>();
        for (Method m : methods(cls)) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers())) {
                ms.add(m);
            }
        }
        if (ms.isEmpty()) {
            return null;
        }
        // the most specific return type wins (covariant overrides)
        ms.sort(Comparator.comparing(m -> m.getDeclaringClass().isInterface()));
        return ms.get(0);
    }

    // ------------------------------------------------------------------ calls

    private V call(Call c) {
        Node fn = c.fn();
        if (fn instanceof Attr a) {
            V target = eval(a.obj());
            Object t = target.value();
            List<V> args = evalAll(c.args());
            Map<String, V> kws = keywords(c);
            if (t instanceof ModuleRef m) {
                if (m.cls() == null) {
                    throw missingModule(m.pyName());
                }
                Class<?> enumeration = m.pyName().equals("socket") ? enumClass(a.name()) : null;
                if (enumeration != null) {
                    return staticCall(enumeration, "of", a.name() + ".of", args, kws, c);
                }
                return staticCall(m.cls(), a.name(), m.pyName() + "." + a.name(), args, kws, c);
            }
            if (t instanceof ClassRef cr) {
                return staticCall(cr.cls(), a.name(), cr.code() + "." + a.name(), args, kws, c);
            }
            if (t instanceof MemberRef mr) {
                Class<?> nested = nestedClass(mr.owner(), mr.name());
                if (nested == null) {
                    throw new NotExpressible(mr.code() + " is a method, it has no attribute " + a.name());
                }
                return staticCall(nested, a.name(), mr.code() + "." + a.name(), args, kws, c);
            }
            if (t == null) {
                throw new PyError("AttributeError", "'NoneType' object has no attribute '" + a.name() + "'");
            }
            if (t instanceof Helper h) {
                throw new NotExpressible("helper " + h.name() + " has no attribute " + a.name());
            }
            String name = a.name();
            if ((name.equals("__str__") || name.equals("__repr__")) && args.isEmpty() && kws.isEmpty()) {
                // Python's str(exception) is the message; everything else prints as its repr
                if (t instanceof Throwable e && name.equals("__str__")) {
                    noteTop(c, target.code() + ".getMessage()");
                    return new V(e.getMessage(), target.code() + ".getMessage()");
                }
                noteTop(c, target.code() + ".toString()");
                return new V(t.toString(), target.code() + ".toString()");
            }
            if (name.equals("__eq__") && args.size() == 1 && kws.isEmpty()) {
                Object other = args.get(0).value();
                if (PyValues.isInt(t) && PyValues.isInt(other)) { // Python's ints compare by value, whatever Java boxed them as
                    String code = target.code() + " == " + args.get(0).code();
                    noteTop(c, code);
                    return new V(PyValues.bigInt(t).equals(PyValues.bigInt(other)), code);
                }
                String code = target.code() + ".equals(" + args.get(0).code() + ")";
                noteTop(c, code);
                return new V(t.equals(other), code);
            }
            List<Executable> cands = new ArrayList<>();
            for (Method m : methods(t.getClass())) {
                if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) {
                    cands.add(m);
                }
            }
            if (cands.isEmpty()) {
                throw new NotExpressible(t.getClass().getSimpleName() + " has no method " + name + "()");
            }
            return dispatch(t, t.getClass().getSimpleName(), name, target.code() + "." + name, cands, args, kws, c);
        }
        V f = eval(fn);
        List<V> args = evalAll(c.args());
        Map<String, V> kws = keywords(c);
        if (f.value() instanceof Helper h) {
            return helper(h.name(), args, kws, c);
        }
        if (f.value() instanceof MemberRef mr) {
            return staticCall(mr.owner(), mr.name(), mr.code(), args, kws, c);
        }
        if (f.value() instanceof ModuleRef m) {
            throw new PyError("TypeError", "'module' object is not callable");
        }
        throw new PyError("TypeError", "'" + PyValues.typeName(f.value()) + "' object is not callable");
    }

    private Map<String, V> keywords(Call c) {
        Map<String, V> kws = new LinkedHashMap<>();
        for (Ast.Keyword k : c.keywords()) {
            kws.put(k.name(), eval(k.value()));
        }
        return kws;
    }

    private void noteTop(Call c, String code) {
        if (c == topNode) {
            topCode = code;
        }
    }

    private V staticCall(Class<?> cls, String name, String code, List<V> args, Map<String, V> kws, Call c) {
        List<Executable> cands = new ArrayList<>();
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                cands.add(m);
            }
        }
        Class<?> nested = nestedClass(cls, name);
        String callCode = code;
        if (nested != null && cands.isEmpty()) {
            cands.addAll(Arrays.asList(nested.getConstructors()));
            callCode = "new " + code;
        }
        Class<?> top = nested == null && cands.isEmpty() ? moduleClass(cls, name) : null;
        if (top != null) {
            cands.addAll(Arrays.asList(top.getConstructors()));
            callCode = "new " + name;
        }
        if (cands.isEmpty()) {
            throw new NotExpressible(cls.getSimpleName() + " has no function " + name + "()");
        }
        return dispatch(null, cls.getSimpleName(), name, callCode, cands, args, kws, c);
    }

    /** Keyword args and missing defaults to positions (see {@link Signatures}). */
    private V dispatch(Object target, String owner, String name, String code, List<Executable> cands,
                       List<V> args, Map<String, V> kws, Call c) {
        List<Signatures.Param> sig = Signatures.lookup(owner, name);
        List<V> pos = new ArrayList<>(args);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            labels.add(null);
        }
        if (!kws.isEmpty()) {
            if (sig == null) {
                throw new NotExpressible("keyword arguments of " + owner + "." + name
                        + " are not in the keyword table (Signatures.java)");
            }
            int last = -1;
            for (String k : kws.keySet()) {
                int idx = indexOf(sig, k);
                if (idx < 0) {
                    throw new PyError("TypeError", name + "() got an unexpected keyword argument '" + k + "'");
                }
                if (idx < args.size()) {
                    throw new PyError("TypeError", "argument for " + name + "() given by name ('" + k
                            + "') and position");
                }
                last = Math.max(last, idx);
            }
            for (int i = args.size(); i <= last; i++) {
                String pname = sig.get(i).name();
                if (kws.containsKey(pname)) {
                    pos.add(kws.get(pname));
                    labels.add(pname);
                } else {
                    pos.add(defaultValue(sig.get(i), name));
                    labels.add(null);
                }
            }
        }
        // getsockopt(level, optname, 0) is CPython's int form: the 2-argument Java overload
        if (name.equals("getsockopt") && pos.size() == 3 && PyValues.isInt(pos.get(2).value())
                && PyValues.bigInt(pos.get(2).value()).signum() == 0) {
            pos.remove(2);
            labels.remove(2);
        }
        int maxArity = cands.stream().mapToInt(Executable::getParameterCount).max().orElse(0);
        while (cands.stream().noneMatch(e -> e.getParameterCount() == pos.size()) && sig != null
                && pos.size() < maxArity && pos.size() < sig.size() && sig.get(pos.size()).defaultSrc() != null) {
            pos.add(defaultValue(sig.get(pos.size()), name));
            labels.add(null);
        }
        int n = pos.size();
        Executable best = null;
        Object[] bestArgs = null;
        String[] bestCodes = null;
        int bestCost = Integer.MAX_VALUE;
        List<Executable> sorted = new ArrayList<>(cands);
        sorted.sort(Comparator.comparing(Executable::toGenericString));
        boolean arityExists = false;
        for (Executable e : sorted) {
            if (e.getParameterCount() != n) {
                continue;
            }
            arityExists = true;
            Class<?>[] pts = e.getParameterTypes();
            Object[] conv = new Object[n];
            String[] codes = new String[n];
            int cost = 0;
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                Conv cv = convert(pos.get(i), pts[i]);
                if (cv == null) {
                    ok = false;
                } else {
                    conv[i] = cv.value;
                    codes[i] = (labels.get(i) != null ? "/* " + labels.get(i) + "= */ " : "") + cv.code;
                    cost += cv.cost;
                }
            }
            if (ok && cost < bestCost) {
                best = e;
                bestArgs = conv;
                bestCodes = codes;
                bestCost = cost;
            }
        }
        if (best == null) {
            if (!arityExists) {
                throw new NotExpressible("no Java overload " + owner + "." + name + " with " + n
                        + " parameter" + (n == 1 ? "" : "s"));
            }
            List<String> types = new ArrayList<>();
            for (V v : pos) {
                types.add(PyValues.typeName(v.value()));
            }
            throw new NotExpressible("no Java overload " + owner + "." + name + " accepts ("
                    + String.join(", ", types) + ")");
        }
        String callCode = code + "(" + String.join(", ", bestCodes) + ")";
        noteTop(c, callCode);
        Object result;
        if (best instanceof Method m) {
            result = invoke(m, target, bestArgs);
        } else {
            Constructor<?> k = (Constructor<?>) best;
            try {
                k.trySetAccessible();
                result = k.newInstance(bestArgs);
            } catch (InvocationTargetException e) {
                throw new Raised(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call " + k, e);
            }
        }
        return new V(result, callCode);
    }

    private static int indexOf(List<Signatures.Param> sig, String name) {
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private V defaultValue(Signatures.Param p, String fn) {
        String d = p.defaultSrc();
        if (d == null) {
            throw new PyError("TypeError", fn + "() missing required argument '" + p.name() + "'");
        }
        if (d.equals(Signatures.DEFAULT_TIMEOUT)) {
            return new V(dev.pysocket.socket.getdefaulttimeout(), "socket.getdefaulttimeout()");
        }
        if (Character.isUpperCase(d.charAt(0)) && !d.equals("None") && !d.equals("True") && !d.equals("False")) {
            try {
                return new V(dev.pysocket.socket.class.getField(d).get(null), "socket." + d);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return literal(((Lit) CaseParser.parseStep(d, "default").expr()).value());
        } catch (CaseParser.CaseFormatError e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            m.trySetAccessible();
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new Raised(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        }
    }

    // ------------------------------------------------------------------ conversions

    /** A converted argument: the Java value, the Java source, and how far it is from exact. */
    record Conv(Object value, String code, int cost) {
    }

    private static final int OBJECT_COST = 6;

    static Conv convert(V arg, Class<?> p) {
        Object v = arg.value();
        String code = arg.code();
        if (v == null) {
            if (p.isPrimitive()) {
                return null;
            }
            return new Conv(null, "null", p == Void.class ? 0 : 1);
        }
        if (v instanceof Boolean b) {
            if (p == boolean.class || p == Boolean.class) {
                return new Conv(b, code, 0);
            }
            if (p == int.class || p == Integer.class) {
                return new Conv(b ? 1 : 0, code.equals("true") ? "1" : code.equals("false") ? "0" : code + " ? 1 : 0", 4);
            }
            if (p == long.class || p == Long.class) {
                return new Conv(b ? 1L : 0L, code.equals("true") ? "1" : code.equals("false") ? "0" : code + " ? 1 : 0", 5);
            }
            return p == Object.class ? new Conv(b, code, OBJECT_COST) : null;
        }
        if (PyValues.isInt(v)) {
            BigInteger bi = PyValues.bigInt(v);
            boolean fitsInt = bi.bitLength() < 32;
            boolean fitsLong = bi.bitLength() < 64;
            boolean lit = code.matches("-?\\d+L?");
            if (p == int.class || p == Integer.class) {
                return fitsInt ? new Conv(bi.intValue(), code, 0) : null;
            }
            if (p == long.class || p == Long.class) {
                return fitsLong ? new Conv(bi.longValue(), lit && !fitsInt ? bi + "L" : code, 1) : null;
            }
            if (p == double.class || p == Double.class) {
                return new Conv(bi.doubleValue(), lit ? bi + ".0" : "(double) " + code, 3);
            }
            if (p == boolean.class || p == Boolean.class) {
                return new Conv(bi.signum() != 0, lit && bi.bitLength() <= 1 && bi.signum() >= 0
                        ? (bi.signum() != 0 ? "true" : "false") : code + " != 0", 8);
            }
            if (p == BigInteger.class) {
                return new Conv(bi, "BigInteger.valueOf(" + code + ")", 2);
            }
            if (p == Object.class || p == Number.class) {
                Object boxed = fitsInt ? (Object) bi.intValue() : fitsLong ? (Object) bi.longValue() : bi;
                return new Conv(boxed, lit && !fitsInt && fitsLong ? bi + "L" : code, OBJECT_COST);
            }
            return null;
        }
        if (v instanceof Double d) {
            if (p == double.class || p == Double.class) {
                return new Conv(d, code, 0);
            }
            if (p == float.class || p == Float.class) {
                return new Conv(d.floatValue(), code + "f", 2);
            }
            return p == Object.class || p == Number.class ? new Conv(d, code, OBJECT_COST) : null;
        }
        if (v instanceof String s) {
            if (p == String.class || p == CharSequence.class) {
                return new Conv(s, code, 0);
            }
            if (p == UnixAddr.class || p == Address.class) {
                try {
                    return new Conv(new UnixAddr(s), "new UnixAddr(" + code + ")", 2);
                } catch (RuntimeException e) {
                    throw new Raised(e); // the path's encoding error, which Python raises in the call
                }
            }
            return p == Object.class ? new Conv(s, code, OBJECT_COST) : null;
        }
        if (v instanceof byte[] b) {
            if (p == byte[].class) {
                return new Conv(b, code, 0);
            }
            if (p == UnixAddr.class || p == Address.class) {
                return new Conv(new UnixAddr(b), "new UnixAddr(" + code + ")", 2);
            }
            if (p == ByteBuffer.class) {
                return new Conv(ByteBuffer.wrap(b), "ByteBuffer.wrap(" + code + ")", 4);
            }
            return p == Object.class ? new Conv(b, code, OBJECT_COST) : null;
        }
        if (v instanceof ByteArray ba) {
            if (p == byte[].class) {
                return new Conv(ba.data(), code, 0);
            }
            if (p == ByteBuffer.class) {
                return new Conv(ByteBuffer.wrap(ba.data()), "ByteBuffer.wrap(" + code + ")", 4);
            }
            return p == Object.class ? new Conv(ba.data(), code, OBJECT_COST) : null;
        }
        if (v instanceof PyTuple t) {
            Object[] it = t.items();
            List<String> ic = tupleItemCodes(code, it.length);
            if (p.isAssignableFrom(InetAddr.class) && p != Object.class && it.length == 2
                    && it[0] instanceof String h && PyValues.isInt(it[1]) && PyValues.bigInt(it[1]).bitLength() < 32) {
                return new Conv(new InetAddr(h, PyValues.bigInt(it[1]).intValue()),
                        "new InetAddr(" + ic.get(0) + ", " + ic.get(1) + ")", 1);
            }
            if (p.isAssignableFrom(Inet6Addr.class) && p != Object.class && it.length == 4
                    && it[0] instanceof String h && PyValues.isInt(it[1]) && PyValues.bigInt(it[1]).bitLength() < 32
                    && PyValues.isInt(it[2]) && PyValues.bigInt(it[2]).bitLength() < 64
                    && PyValues.isInt(it[3]) && PyValues.bigInt(it[3]).bitLength() < 64) {
                return new Conv(new Inet6Addr(h, PyValues.bigInt(it[1]).intValue(), PyValues.bigInt(it[2]).longValue(),
                        PyValues.bigInt(it[3]).longValue()),
                        "new Inet6Addr(" + String.join(", ", ic) + ")", 1);
            }
            if (p == List.class || p == Collection.class || p == Iterable.class) {
                return new Conv(javaList(Arrays.asList(it)), "List.of(" + String.join(", ", ic) + ")", 3);
            }
            if (p == Object[].class) {
                return new Conv(javaList(Arrays.asList(it)).toArray(), "new Object[] {" + String.join(", ", ic) + "}", 3);
            }
            return null;
        }
        if (v instanceof List<?> l) {
            if (p == List.class || p == Collection.class || p == Iterable.class) {
                return new Conv(javaList(l), code, 0);
            }
            if (p == Object[].class) {
                return new Conv(javaList(l).toArray(), code + ".toArray()", 3);
            }
            return p == Object.class ? new Conv(javaList(l), code, OBJECT_COST) : null;
        }
        if (v instanceof ClassRef cr && p == java.util.function.Supplier.class) {
            return new Conv(handlerFactory(cr.cls()), cr.code() + "::new", 1);
        }
        Integer enumValue = switch (v) {
            case AddressFamily af -> af.value();
            case SocketKind sk -> sk.value();
            case MsgFlag mf -> mf.value();
            case AddressInfo ai -> ai.value();
            default -> null;
        };
        if (enumValue != null && (p == int.class || p == Integer.class)) {
            return new Conv(enumValue, code + ".value()", 2);
        }
        if (p.isInstance(v)) {
            int cost = p == v.getClass() ? 0 : p == Object.class ? OBJECT_COST : 1;
            return new Conv(v, code, cost);
        }
        return null;
    }

    /**
     * A Python class passed where Java takes its constructor (socketserver's RequestHandlerClass):
     * a Supplier calling the no-argument constructor. An abstract class (BaseRequestHandler is
     * one in Java) cannot be made: the supplier raises only if the server asks for a handler.
     */
    private static java.util.function.Supplier<Object> handlerFactory(Class<?> cls) {
        return () -> {
            try {
                return cls.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new NotExpressible("cannot make a " + cls.getSimpleName() + " without a subclass");
            }
        };
    }

    /** The Java sources of a tuple's items, recovered from "tuple(a, b)" when possible. */
    private static List<String> tupleItemCodes(String code, int n) {
        if (code.startsWith("tuple(") && code.endsWith(")")) {
            List<String> parts = JavaCode.splitTopLevel(code.substring(6, code.length() - 1));
            if (parts.size() == n) {
                return parts;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(code + "[" + i + "]");
        }
        return out;
    }

    /** A Python list as Java would hold it: ints that fit in int are Integers (autoboxing). */
    private static List<Object> javaList(List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
            if (PyValues.isInt(x) && PyValues.bigInt(x).bitLength() < 32) {
                out.add(PyValues.bigInt(x).intValue());
            } else if (x instanceof ByteArray ba) {
                out.add(ba.data());
            } else {
                out.add(x);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private V helper(String name, List<V> args, Map<String, V> kws, Call c) {
        if (!kws.isEmpty()) {
            throw new PyError("TypeError", name + "() takes no keyword arguments");
        }
        if (args.size() != 1) {
            throw new PyError("TypeError", name + "() takes exactly one argument (" + args.size() + " given)");
        }
        V a = args.get(0);
        Object x = a.value();
        String code = name + "(" + a.code() + ")";
        noteTop(c, code);
        switch (name) {
            case "tmp_path" -> {
                if (!(x instanceof String s)) {
                    throw new PyError("TypeError", "can only concatenate str (not \"" + PyValues.typeName(x)
                            + "\") to str");
                }
                return new V(tmpdir + "/" + s, code);
            }
            case "sleep" -> {
                double secs;
                if (PyValues.isInt(x) || x instanceof Double) {
                    secs = ((Number) x).doubleValue();
                } else {
                    throw new PyError("TypeError", "must be real number, not " + PyValues.typeName(x));
                }
                try {
                    Thread.sleep(Math.max(0, Math.round(Math.min(secs, 0.2) * 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PyError("KeyboardInterrupt", "");
                }
                return new V(null, code);
            }
            case "interrupt_after" -> {
                // SIGURG to this (the case's worker) thread, 3 times 20 ms apart, as driver.py
                double secs;
                if (PyValues.isInt(x) || x instanceof Double) {
                    secs = ((Number) x).doubleValue();
                } else {
                    throw new PyError("TypeError", "must be real number, not " + PyValues.typeName(x));
                }
                var target = Interrupter.self();
                interruptions.add(Interrupter.interruptAfter(target,
                        Math.round(Math.max(0, secs) * 1000)));
                return new V(null, code);
            }
            case "len" -> {
                return new V(PyValues.len(x), code);
            }
            case "list" -> {
                // list(socket.AddressFamily): the members; list(x) of a list: a copy
                if (x instanceof ClassRef cr) {
                    return new V(invoke(staticMethod(cr.cls(), "values"), null, new Object[0]), cr.code() + ".values()");
                }
                List<Object> items = PyValues.items(x);
                if (items == null) {
                    throw new PyError("TypeError", "'" + PyValues.typeName(x) + "' object is not iterable");
                }
                return new V(new ArrayList<>(items), "new ArrayList<>(" + a.code() + ")");
            }
            case "bytearray" -> {
                if (!PyValues.isInt(x)) {
                    throw new NotExpressible("bytearray() of a " + PyValues.typeName(x));
                }
                BigInteger n = PyValues.bigInt(x);
                if (n.signum() < 0) {
                    throw new PyError("ValueError", "negative count");
                }
                return new V(new ByteArray(new byte[n.intValueExact()]), "new byte[" + a.code() + "]");
            }
            case "Obj" -> {
                return new V(makeObj(x), "new Obj(" + a.code() + ")");
            }
            default -> throw new IllegalStateException(name);
        }
    }

    /** An object whose fileno() returns fd; it implements dev.pysocket.FileLike when that exists. */
    static Object makeObj(Object fd) {
        Class<?> fileLike = loadClass("dev.pysocket.FileLike");
        String repr = "Obj(fd=" + PyValues.repr(fd) + ")";
        if (fileLike == null || !fileLike.isInterface()) {
            return new Obj(fd, repr);
        }
        InvocationHandler h = (proxy, method, margs) -> {
            switch (method.getName()) {
                case "fileno" -> {
                    Class<?> rt = method.getReturnType();
                    if ((rt == int.class || rt == Integer.class) && PyValues.isInt(fd)) {
                        return PyValues.bigInt(fd).intValueExact();
                    }
                    if ((rt == long.class || rt == Long.class) && PyValues.isInt(fd)) {
                        return PyValues.bigInt(fd).longValueExact();
                    }
                    return fd;
                }
                case "toString" -> {
                    return repr;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == margs[0];
                }
                default -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, margs);
                    }
                    throw new UnsupportedOperationException(method.getName());
                }
            }
        };
        return Proxy.newProxyInstance(fileLike.getClassLoader(), new Class<?>[] {fileLike}, h);
    }

    /** The {@code Obj(fd)} helper when pysocket has no FileLike interface. */
    public static final class Obj {
        private final Object fd;
        private final String repr;

        Obj(Object fd, String repr) {
            this.fd = fd;
            this.repr = repr;
        }

        /** The value given to {@code Obj(fd)}. */
        public Object fileno() {
            return fd;
        }

        @Override
        public String toString() {
            return repr;
        }
    }
}
