package dev.dynamodown.sample.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's request checks, run before any handler reads its request: {@link RawPathCheck} and
 * {@link BodySizeLimit}. Their refusals are exceptions, answered as problem details like every
 * other error of the API.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RawPathCheck()).addPathPatterns("/api/**");
		registry.addInterceptor(new BodySizeLimit()).addPathPatterns("/api/**");
	}

}
