//! One form model, [`Form`]: the values typed, kept by field name, and each field's
//! problem, translated in the page's language. And one way to draw a simple form: every
//! field with its label, hint and error next to it, and the CSRF field. Most account
//! pages are a [`FormPage`].

use crate::view::Chrome;
use askama::Template;
use praxis_app::FieldProblem;
use std::collections::BTreeMap;

/// A form as typed and what is wrong with it, both by field name. A repeated name
/// (checkboxes) keeps every value; a field has at most one message.
#[derive(Debug, Default)]
pub struct Form {
    values: BTreeMap<String, Vec<String>>,
    errors: BTreeMap<String, String>,
}

impl Form {
    /// The fields as sent, the CSRF value left out.
    pub fn typed(fields: &[(String, String)]) -> Form {
        let mut form = Form::default();
        for (name, value) in fields.iter().filter(|(name, _)| name != "csrf") {
            form.values.entry(name.clone()).or_default().push(value.clone());
        }
        form
    }

    /// The application's field problems, each translated as `{prefix}{code}` (the
    /// fields of `AppError::Invalid`).
    pub fn from_problems(c: &Chrome, prefix: &str, problems: &BTreeMap<String, FieldProblem>) -> Form {
        let mut form = Form::default();
        for (field, problem) in problems {
            form.set_error(field, c.t(&format!("{prefix}{}", problem.code)));
        }
        form
    }

    /// A form with one problem.
    pub fn with_error(field: &str, message: String) -> Form {
        let mut form = Form::default();
        form.set_error(field, message);
        form
    }

    /// The value of a field (the last one typed under its name), or "".
    pub fn v(&self, name: &str) -> &str {
        self.all(name).last().map(String::as_str).unwrap_or("")
    }

    /// Every value typed under a name.
    pub fn all(&self, name: &str) -> &[String] {
        self.values.get(name).map(Vec::as_slice).unwrap_or_default()
    }

    /// Whether `value` is among a field's values (a ticked checkbox, a chosen option).
    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.all(name).iter().any(|v| v == value)
    }

    pub fn set(&mut self, name: &str, value: String) {
        self.set_all(name, vec![value]);
    }

    pub fn set_all(&mut self, name: &str, values: Vec<String>) {
        self.values.insert(name.to_string(), values);
    }

    /// The problem with a field, translated.
    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    /// Every problem, by field name in order.
    pub fn errors(&self) -> impl Iterator<Item = (&str, &str)> {
        self.errors.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Says what is wrong with a field, replacing what was said before.
    pub fn set_error(&mut self, name: &str, message: String) {
        self.errors.insert(name.to_string(), message);
    }

    /// Says what is wrong with a field unless something already is: the first problem
    /// found is the one shown.
    pub fn add_error(&mut self, name: &str, message: String) {
        self.errors.entry(name.to_string()).or_insert(message);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    Email,
    Password,
    NewPassword,
    Code,
    Hidden,
    Select,
    Checkbox,
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub input: Input,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    /// Choices of a select: (value, label).
    pub options: Vec<(String, String)>,
}

impl Field {
    pub fn new(c: &Chrome, name: &'static str, label_key: &str, input: Input) -> Field {
        Field {
            name,
            label: c.t(label_key),
            input,
            value: String::new(),
            hint: None,
            error: None,
            required: true,
            options: Vec::new(),
        }
    }

    pub fn value(mut self, value: &str) -> Field {
        self.value = value.to_string();
        self
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    /// Marks the field wrong with the form's message for it, if any.
    pub fn error(mut self, form: &Form) -> Field {
        self.error = form.error(self.name).map(str::to_string);
        self
    }

    pub fn id(&self) -> String {
        format!("f-{}", self.name)
    }

    pub fn autocomplete(&self) -> &'static str {
        match (self.input, self.name) {
            (Input::Email, _) => "email",
            (Input::Password, _) => "current-password",
            (Input::NewPassword, _) => "new-password",
            (Input::Code, _) => "one-time-code",
            (_, "name") => "name",
            _ => "off",
        }
    }

    pub fn html_type(&self) -> &'static str {
        match self.input {
            Input::Email => "email",
            Input::Password | Input::NewPassword => "password",
            Input::Hidden => "hidden",
            Input::Checkbox => "checkbox",
            Input::Code => "text",
            _ => "text",
        }
    }

    pub fn is_select(&self) -> bool {
        self.input == Input::Select
    }

    pub fn is_hidden(&self) -> bool {
        self.input == Input::Hidden
    }

    pub fn is_checkbox(&self) -> bool {
        self.input == Input::Checkbox
    }

    pub fn is_code(&self) -> bool {
        self.input == Input::Code
    }
}

/// A page that is one form, with optional text before it and links after it.
#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub c: Chrome,
    pub heading: String,
    /// Paragraphs before the form.
    pub intro: Vec<String>,
    /// A problem with the whole form (e.g. wrong password), announced first.
    pub problem: Option<String>,
    /// A confirmation of what just happened.
    pub notice: Option<String>,
    pub action: String,
    pub fields: Vec<Field>,
    pub submit: String,
    /// Links under the form: (href, text).
    pub links: Vec<(String, String)>,
    /// A block of preformatted text to show (e.g. a two-factor secret).
    pub code: Option<String>,
}

impl FormPage {
    pub fn new(c: Chrome, heading: String, action: String, submit: String) -> FormPage {
        FormPage {
            c,
            heading,
            intro: Vec::new(),
            problem: None,
            notice: None,
            action,
            fields: Vec::new(),
            submit,
            links: Vec::new(),
            code: None,
        }
    }

    pub fn errors(&self) -> Vec<&Field> {
        self.fields.iter().filter(|f| f.error.is_some()).collect()
    }
}

/// A page with a heading and a message (after sign-up, after a link was used…).
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<(String, String)>,
}
