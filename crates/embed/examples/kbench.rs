use praxis_embed::Model;
use std::time::Instant;
fn main() {
    let model = Model::load(std::env::var("PRAXIS_E5_MODEL").unwrap()).unwrap();
    let para = "The council's Warm Spaces scheme opened community venues across the city this winter, offering heating, hot drinks, free Wi-Fi and advice on energy bills to residents who struggle to heat their homes. Libraries, churches and sports clubs took part. ";
    let doc = para.repeat(7);
    println!("tokens {}", model.tokenizer().encode(&doc).len());
    if let Ok(mode) = std::env::var("MODE") {
        let docs: Vec<&str> = vec![doc.as_str(); 2];
        for _ in 0..20 {
            if mode == "batch" {
                model.embed_passages(&docs);
            } else {
                for d in &docs {
                    model.embed_passage(d);
                }
            }
        }
        return;
    }
    for n in [1usize, 2, 3, 6] {
        let docs: Vec<&str> = vec![doc.as_str(); n];
        let mut best_b = f64::MAX;
        let mut best_s = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            model.embed_passages(&docs);
            best_b = best_b.min(t.elapsed().as_secs_f64());
            let t = Instant::now();
            for d in &docs {
                model.embed_passage(d);
            }
            best_s = best_s.min(t.elapsed().as_secs_f64());
        }
        println!(
            "n={n}: batch {:.1} ms/doc, single {:.1} ms/doc",
            best_b * 1e3 / n as f64,
            best_s * 1e3 / n as f64
        );
    }
}
