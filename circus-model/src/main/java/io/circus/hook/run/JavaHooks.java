package io.circus.hook.run;

import io.circus.extension.ExtensionClassPath;
import io.circus.extension.ExtensionException;
import io.circus.hook.Hook;
import io.circus.hook.HookContext;
import io.circus.hook.HookTarget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** Resolves {@code java:} targets on the extension path into calls, with precise errors. */
final class JavaHooks {

    private JavaHooks() {
    }

    static HookCall instance(ExtensionClassPath path, HookTarget.JavaClass t) throws ExtensionException {
        Hook hook = path.newInstance(t.className(), Hook.class);
        return (context, deadline) -> hook.run(context);
    }

    static HookCall staticMethod(ExtensionClassPath path, HookTarget.JavaMethod t) throws ExtensionException {
        Class<?> c = path.loadPublicClass(t.className());
        String signature = t.className() + "#" + t.methodName() + "(" + HookContext.class.getName() + ")";
        Method m;
        try {
            m = c.getMethod(t.methodName(), HookContext.class);
        } catch (NoSuchMethodException e) {
            boolean named = Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(t.methodName()));
            throw new ExtensionException("no public method " + signature + (named
                    ? " (a method of that name exists: it must be public and take one HookContext)" : ""));
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new ExtensionException(signature + " is not static (make it static, or implement "
                    + Hook.class.getName() + " and name the class)");
        }
        if (m.getReturnType() != boolean.class && m.getReturnType() != Boolean.class) {
            throw new ExtensionException(signature + " returns " + m.getReturnType().getName()
                    + "; a hook method returns boolean");
        }
        return (context, deadline) -> {
            try {
                return Boolean.TRUE.equals(m.invoke(null, context));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw (Exception) e.getCause();
            }
        };
    }
}
