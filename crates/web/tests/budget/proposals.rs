//! A proposal's images and corrections through the pages: type told from the bytes, a
//! text alternative required, the author alone corrects it while submission is open.

use crate::common::{Client, TestApp};
use crate::setup::setup;
use axum::http::StatusCode;
use wspolnota_testkit::{on_both_backends, Backend};

pub async fn images_and_corrections(backend: Backend) {
    let t = TestApp::new(backend).await;
    let (_admin, round, pool_id) = setup(&t).await;
    let mut ids = Vec::new();
    for i in 0..2 {
        let email = format!("m{i}@example.pl");
        t.user(&email, &format!("Mieszkaniec {i}"), false).await;
    }
    let mut c0 = t.login("m0@example.pl").await;
    let fields = [
        ("pool", pool_id.as_str()),
        ("title", "Park kieszonkowy"),
        ("description", "Opis **projektu**."),
        ("item_label_1", "zieleń"),
        ("item_amount_1", "40 000"),
        ("item_label_2", "ławki"),
        ("item_amount_2", "20 000,50"),
    ];
    let r = t
        .post_form(&mut c0, &format!("{round}/projekty"), &fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    ids.push(
        r.location()
            .split('?')
            .next()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string(),
    );
    // Images: the author adds one with a text alternative; the type comes from the bytes.
    let upload = format!("{round}/projekty/{}/zdjecia", ids[0]);
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let r = t
        .post_multipart(
            &mut c0,
            &upload,
            &[
                ("alt", None, "Plan skweru".as_bytes()),
                ("image", Some("plan.png"), png),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .post_multipart(
            &mut c0,
            &upload,
            &[
                ("alt", None, b"skrypt"),
                ("image", Some("x.svg"), b"<svg onload=alert(1)>"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "not an image");
    let r = t
        .post_multipart(
            &mut c0,
            &upload,
            &[("alt", None, b""), ("image", Some("plan.png"), png)],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a text alternative is required"
    );
    let big = [png, &vec![0u8; 2 * 1024 * 1024]].concat();
    let r = t
        .post_multipart(
            &mut c0,
            &upload,
            &[("alt", None, b"duze"), ("image", Some("big.png"), &big)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "too large");
    let mut other = t.login("m1@example.pl").await;
    let r = t
        .post_multipart(
            &mut other,
            &upload,
            &[("alt", None, b"cudze"), ("image", Some("plan.png"), png)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the author");
    // A forged or missing token is refused here too.
    let mut forged = c0.clone();
    forged.cookies.insert("wsp_csrf".into(), "ef".repeat(32));
    let req = axum::http::Request::post(format!("{upload}?csrf={}", "ab".repeat(32)))
        .header(
            "cookie",
            format!(
                "wsp_session={}; wsp_csrf={}",
                c0.cookies["wsp_session"],
                "ef".repeat(32)
            ),
        )
        .header("content-type", "multipart/form-data; boundary=x")
        .body(axum::body::Body::from("--x--\r\n"))
        .unwrap();
    assert_eq!(t.send(&mut forged, req).await.status, StatusCode::FORBIDDEN);
    let r = t
        .get(&mut Client::new(), &format!("{round}/projekty/{}", ids[0]))
        .await;
    let src = r
        .body
        .split("<img src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    assert!(r.body.contains("alt=\"Plan skweru\""));
    let r = t.get(&mut Client::new(), &src).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "image/png");
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    // The author corrects the proposal while submission is open; nobody else can.
    let edit = format!("{round}/projekty/{}/edycja", ids[0]);
    let r = t.get(&mut c0, &edit).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("value=\"Park kieszonkowy\"") && r.body.contains("value=\"20000,50\""),
        "filled in"
    );
    let r = t.get(&mut other, &edit).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let fields = [
        ("pool", pool_id.as_str()),
        ("title", "Park kieszonkowy przy Kolejowej"),
        ("description", "Opis **projektu**."),
        ("item_label_1", "zieleń"),
        ("item_amount_1", "40 000"),
        ("item_label_2", "ławki"),
        ("item_amount_2", "20 000,50"),
    ];
    let r = t.post_form(&mut other, &edit, &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post_form(
            &mut c0,
            &edit,
            &[
                ("pool", pool_id.as_str()),
                ("title", "Park"),
                ("description", "x"),
                ("item_label_1", "nic"),
                ("item_amount_1", "-1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t.post_form(&mut c0, &edit, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .get(&mut c0, &format!("{round}/projekty/{}", ids[0]))
        .await;
    assert!(r.body.contains("Park kieszonkowy przy Kolejowej") && r.body.contains("60 000,50 zł"));
    let r = t
        .get(&mut c0, &format!("{round}/projekty/{}", ids[0]))
        .await;
    assert!(
        r.body.contains("60 000,50 zł"),
        "the total is the sum of the lines"
    );
    // A zero cost is refused with the input kept.
    let r = t
        .post_form(
            &mut c0,
            &format!("{round}/projekty"),
            &[
                ("pool", &pool_id),
                ("title", "Darmowe"),
                ("description", "x"),
                ("item_label_1", "nic"),
                ("item_amount_1", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("value=\"Darmowe\""));
}

on_both_backends!(images_and_corrections);
