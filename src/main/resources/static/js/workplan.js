// The work plan's assignment form: the focal point picker lists only the members of the owner body
// chosen. Without this script the page still works: every body's members are listed, grouped by
// body, and the server refuses a focal point who does not sit in the owner body.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select[data-owner]').forEach((focal) => {
    const owner = document.getElementById(focal.dataset.owner);
    if (!owner) {
      return;
    }
    const follow = (kept) => {
      focal.querySelectorAll('optgroup[data-body]').forEach((group) => {
        const other = group.dataset.body !== owner.value && group !== kept;
        group.hidden = other;
        group.disabled = other;
      });
      const picked = focal.selectedOptions[0];
      if (picked && picked.parentElement.disabled) {
        focal.value = '';
      }
    };
    owner.addEventListener('change', () => follow(null));
    // a refused submission keeps the person chosen, even from another body
    const picked = focal.selectedOptions[0];
    follow(picked && picked.value ? picked.parentElement : null);
  });
});
