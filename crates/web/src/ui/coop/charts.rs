//! Line charts of figures over time as SVG: readable without JavaScript, each series
//! told apart by its dash pattern and marker shape as well as its colour, with the
//! numbers always in a table beside the chart.

/// One line of a chart: its name and its values, one per point of the x axis.
pub struct Series<'a> {
    pub name: &'a str,
    pub values: Vec<i64>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Styles of up to three series: colour, dash pattern, marker.
const STYLES: [(&str, &str, &str); 3] = [
    ("#14412f", "", "circle"),
    ("#7a3e00", "8 4", "square"),
    ("#1f3f8a", "2 3", "diamond"),
];

fn marker(kind: &str, x: f64, y: f64, colour: &str) -> String {
    match kind {
        "square" => format!("<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>", x - 3.5, y - 3.5),
        "diamond" => format!(
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\"/>",
            x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y
        ),
        _ => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{colour}\"/>"),
    }
}

/// A line chart over `labels` (the x axis, e.g. dates) with a legend; `unit` formats
/// the highest value for the y axis' label.
pub fn line_chart(
    id: &str,
    title: &str,
    labels: &[String],
    series: &[Series<'_>],
    top_label: &str,
) -> String {
    let (width, height, left, right, top, bottom) = (640.0, 260.0, 8.0, 8.0, 40.0, 36.0);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = labels.len().max(1);
    let x = |i: usize| {
        if n == 1 {
            left + (width - left - right) / 2.0
        } else {
            left + (width - left - right) * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: i64| top + (height - top - bottom) * (1.0 - v as f64 / max);
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{}</title>\
         <line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#5a5a5a\"/>\
         <text x=\"{left}\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>",
        escape(title),
        height - bottom,
        width - right,
        height - bottom,
        top - 6.0,
        escape(top_label),
    );
    if let (Some(first), Some(last)) = (labels.first(), labels.last()) {
        svg.push_str(&format!(
            "<text x=\"{left}\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1b\" text-anchor=\"end\">{}</text>",
            height - bottom + 16.0,
            escape(first),
            width - right,
            height - bottom + 16.0,
            escape(last)
        ));
    }
    for (k, s) in series.iter().enumerate().take(STYLES.len()) {
        let (colour, dash, mark) = STYLES[k];
        let points: Vec<String> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
            .collect();
        svg.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"{}/>",
            points.join(" "),
            if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            }
        ));
        // Markers only where they stay legible.
        if s.values.len() <= 60 {
            for (i, v) in s.values.iter().enumerate() {
                svg.push_str(&marker(mark, x(i), y(*v), colour));
            }
        }
        let lx = left + 200.0 * k as f64;
        svg.push_str(&format!(
            "<line x1=\"{lx}\" y1=\"12\" x2=\"{}\" y2=\"12\" stroke=\"{colour}\" stroke-width=\"2.5\"{}/>{}<text x=\"{}\" y=\"16\" font-size=\"12\" fill=\"#1b1b1b\">{}</text>",
            lx + 24.0,
            if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") },
            marker(mark, lx + 12.0, 12.0, colour),
            lx + 30.0,
            escape(s.name)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_names_itself_and_escapes_text() {
        let svg = line_chart(
            "c",
            "Kapitał <i>",
            &["2026-01-01".into(), "2026-02-01".into()],
            &[Series {
                name: "Wpłacone & zadeklarowane",
                values: vec![0, 100],
            }],
            "100 zł",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-title\">Kapitał &lt;i&gt;</title>"));
        assert!(svg.contains("Wpłacone &amp; zadeklarowane"));
        assert!(svg.contains("<polyline"));
        // No series, no points: still a valid, empty chart.
        assert!(line_chart("e", "x", &[], &[], "").ends_with("</svg>"));
    }
}
