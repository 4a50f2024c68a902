package io.scatter.api.quota;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applies the rate limit to the API's own resources, not to health probes, metrics or the API docs. */
@Configuration
class QuotaConfiguration implements WebMvcConfigurer {

    private final RateLimitInterceptor rateLimit;

    QuotaConfiguration(RateLimitInterceptor rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit).addPathPatterns("/api/**", "/tasks", "/tasks/**");
    }
}
