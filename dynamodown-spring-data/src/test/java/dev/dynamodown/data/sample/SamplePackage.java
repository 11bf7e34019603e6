package dev.dynamodown.data.sample;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package the application's package, as {@code @SpringBootApplication} here would. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class SamplePackage {

}
