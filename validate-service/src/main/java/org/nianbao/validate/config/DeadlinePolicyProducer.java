package org.nianbao.validate.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import org.nianbao.validate.rules.DeadlinePolicy;
import org.nianbao.validate.rules.Validator;

/** Turns configuration into the plain-Java rule objects so the rule library needs no CDI. */
@ApplicationScoped
public class DeadlinePolicyProducer {

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(NianbaoConfig config) {
        NianbaoConfig.Deadlines d = config.deadlines();
        Map<String, Map<String, MonthDay>> overrides = new HashMap<>();
        d.township().forEach((province, byLevel) -> {
            Map<String, MonthDay> m = new HashMap<>();
            byLevel.forEach((level, md) -> m.put(level, monthDay(md)));
            overrides.put(province, Map.copyOf(m));
        });
        return new DeadlinePolicy(monthDay(d.department()), monthDay(d.government()), monthDay(d.legacy()),
                monthDay(d.townshipDefault()), overrides);
    }

    @Produces
    @Singleton
    Validator validator() {
        return Validator.defaults();
    }

    static MonthDay monthDay(String mmdd) {
        return MonthDay.parse("--" + mmdd.strip());
    }
}
