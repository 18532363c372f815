#include "extract/nlp/word_hashes.h"

#include "extract/nlp/model_io.h"

namespace quarry::nlp {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c >= 0x80)
      k = 'u';
    else
      k = static_cast<char>(c);
    if (k != last) out.push_back(k);  // runs collapse, so shapes stay few
    last = k;
  }
  return out;
}

void hash_words(const Sentence& sentence, std::vector<WordHashes>& out) {
  out.resize(sentence.tokens.size());
  for (size_t i = 0; i < sentence.tokens.size(); ++i) {
    const std::string& form = sentence.tokens[i].form;
    std::string low = lowercase(form);
    WordHashes& h = out[i];
    h.form = hash_str(form);
    h.lower = hash_str(low);
    h.shape = hash_str(word_shape(form));
    for (size_t k = 0; k < 3; ++k) h.prefix[k] = hash_str(std::string_view(low).substr(0, k + 1));
    for (size_t k = 0; k < 4; ++k)
      h.suffix[k] = hash_str(low.size() > k + 1 ? std::string_view(low).substr(low.size() - k - 1)
                                                : std::string_view(low));
    h.upper_initial = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    h.has_digit = form.find_first_of("0123456789") != std::string::npos;
    h.has_letter = false;
    for (char ch : form)
      h.has_letter = h.has_letter || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    h.has_hyphen = form.find('-') != std::string::npos && form.size() > 1;
  }
}

void shuffle_indices(std::vector<size_t>& v, uint64_t& state) {
  for (size_t i = v.size(); i > 1; --i) {
    state = mix64(state + 0x9e3779b97f4a7c15ULL);
    size_t j = state % i;
    std::swap(v[i - 1], v[j]);
  }
}

}  // namespace quarry::nlp
