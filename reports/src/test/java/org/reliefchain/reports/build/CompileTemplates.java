package org.reliefchain.reports.build;

import java.io.File;

import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step: compiles every {@code .jrxml} in a folder to {@code .jasper}, so that the running product
 * needs no Java compiler (the JDT compiler JasperReports 7 would use is not on Maven Central).
 * Runs in its own JVM with the module's class path (exec:exec), which the JDK compiler needs.
 */
public final class CompileTemplates {

    public static void main(String[] args) throws Exception {
        File source = new File(args[0]);
        File target = new File(args[1]);
        if (!target.isDirectory() && !target.mkdirs()) {
            throw new IllegalStateException("cannot create " + target);
        }
        File[] designs = source.listFiles((dir, name) -> name.endsWith(".jrxml"));
        if (designs == null || designs.length == 0) {
            throw new IllegalStateException("no .jrxml in " + source);
        }
        for (File design : designs) {
            File compiled = new File(target, design.getName().replace(".jrxml", ".jasper"));
            JasperCompileManager.compileReportToFile(design.getPath(), compiled.getPath());
            System.out.println("compiled " + design.getName() + " -> " + compiled);
        }
    }
}
