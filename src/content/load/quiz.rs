//! A topic's quiz: 3 to 5 questions, each with 2 to 4 answers, one of them right, a kind
//! explanation, and a page that exists to read it on.

use std::collections::{HashMap, HashSet};

use super::{Loader, Parsed};
use crate::content::model::Topic;

/// Questions a quiz may have, when it has any.
pub const QUIZ_QUESTIONS: std::ops::RangeInclusive<usize> = 3..=5;
/// Answers a question may have.
pub const QUESTION_ANSWERS: std::ops::RangeInclusive<usize> = 2..=4;

impl Loader<'_> {
    /// Checks the quiz of `topic`; `page_ids` are every page of the language.
    pub(super) fn check_quiz(&mut self, topic: &Parsed<Topic>, page_ids: &HashSet<&str>) {
        let file = &topic.file;
        let quiz = &topic.value.quiz;
        if quiz.is_empty() {
            return;
        }
        if !QUIZ_QUESTIONS.contains(&quiz.len()) {
            self.error(file.diagnostic_at_key(
                "quiz",
                format!(
                    "The quiz has {} questions. A quiz has {} to {} questions: enough to check, \
                     few enough to finish.",
                    quiz.len(),
                    QUIZ_QUESTIONS.start(),
                    QUIZ_QUESTIONS.end()
                ),
            ));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for question in quiz {
            let nth = *seen
                .entry(question.id.as_str())
                .and_modify(|n| *n += 1)
                .or_insert(0);
            let at = |message: String| file.diagnostic_at_value("id", &question.id, nth, message);
            let mut problems: Vec<String> = super::id_problem("question", &question.id)
                .into_iter()
                .collect();
            if nth > 0 {
                problems.push(format!(
                    "The question id \"{}\" is used twice in this quiz.",
                    question.id
                ));
            }
            if question.ask.trim().is_empty() || question.explain.trim().is_empty() {
                problems.push(format!(
                    "The question \"{}\" needs both `ask` and `explain`.",
                    question.id
                ));
            }
            if !QUESTION_ANSWERS.contains(&question.answers.len())
                || question
                    .answers
                    .iter()
                    .any(|answer| answer.trim().is_empty())
            {
                problems.push(format!(
                    "The question \"{}\" needs {} to {} answers, none of them empty.",
                    question.id,
                    QUESTION_ANSWERS.start(),
                    QUESTION_ANSWERS.end()
                ));
            }
            if question.right >= question.answers.len() {
                problems.push(format!(
                    "The question \"{}\" says answer {} is right (counting from 0), but it has \
                     only {} answers.",
                    question.id,
                    question.right,
                    question.answers.len()
                ));
            }
            if !self.pages_unknown && !page_ids.contains(question.page.as_str()) {
                problems.push(format!(
                    "The question \"{}\" points to the page \"{}\", which does not exist.",
                    question.id, question.page
                ));
            }
            for problem in problems {
                self.error(at(problem));
            }
        }
    }
}
