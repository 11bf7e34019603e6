package dev.dynamodown.sample.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes every key reachable in one path segment, and Tomcat's own refusals problem details.
 * <ul>
 * <li>Tomcat refuses a path with {@code %2F} or {@code %5C} (an encoded {@code /} or {@code \})
 * by default, before any servlet sees it. Here it passes them through still encoded, so that a
 * key holding {@code /} or {@code \} travels percent-encoded in its one segment; Spring MVC
 * matches the raw path and decodes the segment into the key.</li>
 * <li>What Tomcat still refuses (a malformed escape such as {@code %zz}, bytes that are not UTF-8,
 * an encoded NUL) is answered by {@link ProblemDetailsErrorReportValve} as
 * {@code application/problem+json}, instead of Tomcat's HTML page.</li>
 * </ul>
 * Runs after Spring Boot's own Tomcat customizer (unordered: last), which installs the
 * {@link ErrorReportValve} this replaces.
 */
@Component
class KeyFriendlyTomcat implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			connector.setEncodedSolidusHandling("passthrough");
			connector.setEncodedReverseSolidusHandling("passthrough");
		});
		factory.addContextCustomizers((context) -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ProblemDetailsErrorReportValve());
			// The host adds a valve of this class when it starts, unless it finds one: it finds ours.
			host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
		});
	}

}
