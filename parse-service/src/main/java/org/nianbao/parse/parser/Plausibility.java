package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.List;

/**
 * Priors on the size of table values, used only to rank digit splits that every arithmetic identity allows; it
 * exists because a run like "693665" has several valid readings and the most typical one should win (and be
 * flagged as ambiguous).
 */
public final class Plausibility {

    private Plausibility() {
    }

    /** Squared z-score of log10(v) against a typical magnitude; {@code zeroCost} for 0, 0.5 for blank. */
    public static double magnitude(BigDecimal v, double mu, double sigma, double zeroCost) {
        if (v == null) {
            return 0.5;
        }
        double d = Math.abs(v.doubleValue());
        if (d == 0) {
            return zeroCost;
        }
        double z = (Math.log10(d) - mu) / sigma;
        return z * z + (v.signum() < 0 ? 0.5 : 0);
    }

    /** Counts of applications and cases: small numbers are typical. */
    public static double smallCounts(List<BigDecimal> values) {
        double c = 0;
        for (BigDecimal v : values) {
            if (v != null) {
                c += Math.log10(1 + Math.abs(v.doubleValue()));
            }
        }
        return c;
    }

    /** 2019 本年增/减: usually 0. */
    public static double change(BigDecimal v) {
        if (v == null || v.signum() == 0) {
            return 0;
        }
        return 1.5 + Math.log10(Math.abs(v.doubleValue()));
    }

    static double at(List<BigDecimal> v, int i, double mu, double sigma, double zeroCost) {
        return i < v.size() ? magnitude(v.get(i), mu, sigma, zeroCost) : 0;
    }

    static int cmp(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b);
    }

    /** 2021 规章/行政规范性文件: 本年制发 / 本年废止 / 现行有效. */
    public static double issuedRepealedInForce(List<BigDecimal> v) {
        double c = at(v, 0, 1.3, 1.0, 0.8) + at(v, 1, 1.0, 1.0, 0.5) + at(v, 2, 2.5, 0.6, 1.5);
        if (v.size() == 3 && cmp(v.get(2), v.get(0)) < 0) {
            c += 2;
        }
        return c;
    }

    /** 2019 规章/规范性文件: 本年新制作 / 本年新公开 / 对外公开总数. */
    public static double madePublishedTotal(List<BigDecimal> v) {
        double c = at(v, 0, 1.3, 1.0, 0.8) + at(v, 1, 1.3, 1.0, 0.8) + at(v, 2, 2.5, 0.8, 1.5);
        if (v.size() == 3) {
            if (cmp(v.get(0), v.get(1)) == 0) {
                c -= 1;
            } else if (cmp(v.get(1), v.get(0)) > 0) {
                c += 1;
            }
            if (cmp(v.get(2), v.get(1)) < 0) {
                c += 2;
            }
        }
        return c;
    }

    /** 2019 许可/处罚/强制/其他服务: 上一年项目数量 / 本年增减 / 处理决定数量. */
    public static double itemsChangeDecisions(List<BigDecimal> v) {
        return at(v, 0, 2.0, 1.0, 1.0) + (v.size() > 1 ? change(v.get(1)) : 0) + at(v, 2, 2.5, 1.0, 1.0);
    }

    /** 2019 收费: 上一年项目数量 / 本年增减. */
    public static double itemsChange(List<BigDecimal> v) {
        return at(v, 0, 1.5, 1.0, 0.8) + (v.size() > 1 ? change(v.get(1)) : 0);
    }

    /** 2019 政府集中采购: 项目数量 / 总金额 (in 万元 after unit conversion). */
    public static double procurement(List<BigDecimal> v) {
        return at(v, 0, 1.7, 1.0, 1.0) + at(v, 1, 3.0, 1.5, 1.0);
    }

    /** Single-value rows and anything without a model. */
    public static double neutral(List<BigDecimal> v) {
        return smallCounts(v) * 0.1;
    }
}
