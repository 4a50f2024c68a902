package io.scatter.api.problem;

import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/** Makes Tomcat render the errors it raises by itself with {@link ProblemReportValve}. */
@Component
class ProblemReportValveInstaller implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }
}
